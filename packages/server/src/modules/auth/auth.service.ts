import { createHash, randomBytes } from 'node:crypto';
import { passwordProblems, permissionsOf } from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { LockedError, UnauthenticatedError, ValidationError, DomainError } from '../../platform/errors.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/password-hash.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import * as repo from './auth.repository.ts';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}
export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    // One message for unknown user and wrong password: the reply must not tell which accounts exist.
    super(401, 'invalid_credentials', '用户名或密码错误');
  }
}

/** Sessions stop being refreshed in the database more often than this, to keep reads cheap. */
const TOUCH_INTERVAL_MS = 60_000;

export class AuthService {
  constructor(
    private readonly deps: AppDeps,
    private readonly settings: SettingsService,
  ) {}

  async login(input: { username: string; password: string; ip: string; userAgent: string | null; previousSessionId: string | null }) {
    const { db, clock, audit } = this.deps;
    const now = clock.now();
    const { settings } = await this.settings.security();
    const user = await repo.findLoginUser(db.orm, input.username);
    const fail = async (reason: string, error: DomainError) => {
      await audit.appendStandalone({
        action: 'auth.login',
        outcome: 'failure',
        actor: user ? { userId: user.id, username: user.username } : null,
        username: input.username.slice(0, 64),
        ip: input.ip,
        regionCode: user?.region_code ?? null,
        detail: { reason },
      });
      return error;
    };
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), input.password);
      throw await fail('unknown_user', new InvalidCredentialsError());
    }
    if (user.locked_until && user.locked_until > now) {
      throw await fail('locked', new LockedError(lockedMessage(user.locked_until, now)));
    }
    if (user.status !== 'active') {
      await verifyPassword(user.password_hash, input.password);
      throw await fail('disabled', new InvalidCredentialsError());
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      const lockUntil = new Date(now.getTime() + settings.lockoutMinutes * 60_000);
      const after = await repo.recordFailedLogin(db.orm, user.id, settings.lockoutThreshold, lockUntil);
      if (after?.locked_until && after.locked_until > now) {
        throw await fail('wrong_password_locked', new LockedError(lockedMessage(after.locked_until, now)));
      }
      throw await fail('wrong_password', new InvalidCredentialsError());
    }

    // A fresh session id at every login (no session fixation); the one the browser came with is dropped.
    const sessionId = newToken();
    const csrfToken = newToken();
    const idHash = hashSessionId(sessionId);
    await db.transaction(async (tx) => {
      if (input.previousSessionId) await repo.deleteSession(tx.orm, hashSessionId(input.previousSessionId));
      await repo.recordSuccessfulLogin(tx.orm, user.id, now);
      await repo.insertSession(tx.orm, { idHash, userId: user.id, csrfToken, at: now, ip: input.ip, userAgent: input.userAgent });
      await audit.append(tx, {
        action: 'auth.login',
        outcome: 'success',
        actor: { userId: user.id, username: user.username },
        ip: input.ip,
        regionCode: user.region_code,
      });
    });
    const actor = await this.resolveSession(sessionId);
    if (!actor) throw new Error('session vanished right after login');
    return { sessionId, actor };
  }

  /** The actor behind a session cookie, or null when the session is unknown, idle too long or too old. */
  async resolveSession(sessionId: string): Promise<Actor | null> {
    const { db, clock } = this.deps;
    const idHash = hashSessionId(sessionId);
    const row = await repo.findSession(db.orm, idHash);
    if (!row) return null;
    const now = clock.now().getTime();
    const { settings } = await this.settings.security();
    const idle = now - row.last_seen_at.getTime() > settings.sessionIdleMinutes * 60_000;
    const expired = now - row.created_at.getTime() > settings.sessionAbsoluteHours * 3_600_000;
    if (idle || expired || row.status !== 'active') {
      await repo.deleteSession(db.orm, idHash);
      return null;
    }
    if (now - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) await repo.touchSession(db.orm, idHash, clock.now());
    return {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      permissions: permissionsOf(row.roles),
      scope: row.region_code,
      sessionIdHash: row.id_hash,
      csrfToken: row.csrf_token,
      mustChangePassword: row.must_change_password,
    };
  }

  async logout(actor: Actor, ip: string) {
    await this.deps.db.transaction(async (tx) => {
      await repo.deleteSession(tx.orm, actor.sessionIdHash);
      await this.deps.audit.append(tx, { action: 'auth.logout', outcome: 'success', actor, ip, regionCode: actor.scope });
    });
  }

  async changePassword(actor: Actor, ip: string, oldPassword: string, newPassword: string) {
    const { db, clock, audit } = this.deps;
    const currentHash = await repo.passwordHashOf(db.orm, actor.userId);
    if (!currentHash || !(await verifyPassword(currentHash, oldPassword))) {
      throw new ValidationError('原密码不正确');
    }
    const problems = passwordProblems(newPassword, await this.settings.passwordPolicy(), actor.username);
    if (oldPassword === newPassword) problems.push('新密码不能与原密码相同');
    if (problems.length > 0) throw new ValidationError(problems.join('；'), { problems });
    const newHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await repo.updatePassword(tx.orm, actor.userId, newHash, clock.now());
      // Other sessions of this user end: a changed password must lock out whoever knew the old one.
      await repo.deleteSessionsOfUser(tx.orm, actor.userId, actor.sessionIdHash);
      await audit.append(tx, { action: 'auth.password_change', outcome: 'success', actor, ip, entity: 'user', entityId: actor.userId });
    });
  }
}

function lockedMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系安全管理员解锁`;
}

export function requireSession(actor: Actor | null): Actor {
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
