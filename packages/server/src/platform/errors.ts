/**
 * Typed domain errors. Routes never build error replies by hand: they throw one of these and the HTTP layer turns
 * it into `{ error: { code, message, details } }` with the status below. Messages are for the user, in Chinese.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(400, 'validation_failed', message, details);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(message = '请先登录') {
    super(401, 'unauthenticated', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = '没有权限执行此操作') {
    super(403, 'forbidden', message);
  }
}
/** Also what a record outside the caller's region scope answers: its existence is not revealed. */
export class NotFoundError extends DomainError {
  constructor(message = '记录不存在') {
    super(404, 'not_found', message);
  }
}
export class VersionConflictError extends DomainError {
  constructor(current: unknown) {
    super(409, 'version_conflict', '该记录已被他人修改，请查看最新内容后重试', { current });
  }
}
export class UniqueViolationError extends DomainError {
  constructor(message = '记录已存在', readonly constraint?: string) {
    super(409, 'already_exists', message, constraint ? { constraint } : undefined);
  }
}
export class ReferenceError_ extends DomainError {
  constructor(message = '引用的记录不存在', readonly constraint?: string) {
    super(409, 'reference_missing', message, constraint ? { constraint } : undefined);
  }
}
export class RetryableConflictError extends DomainError {
  constructor() {
    super(409, 'concurrent_update', '并发冲突，请稍后重试');
  }
}
export class LockedError extends DomainError {
  constructor(message: string) {
    super(423, 'account_locked', message);
  }
}

/** PostgreSQL error codes → domain errors; never match on message text (it differs by server language). */
export function mapDatabaseError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  // Drizzle wraps the driver's error; the PostgreSQL code is on its cause.
  const wrapped = error as { cause?: unknown; code?: unknown };
  const e = (wrapped.code === undefined && wrapped.cause ? wrapped.cause : error) as { code?: unknown; constraint?: unknown };
  const constraint = typeof e.constraint === 'string' ? e.constraint : undefined;
  switch (e.code) {
    case '23505':
      return new UniqueViolationError(undefined, constraint);
    case '23503':
      return new ReferenceError_(undefined, constraint);
    case '40001':
    case '40P01':
      return new RetryableConflictError();
    default:
      return error;
  }
}
