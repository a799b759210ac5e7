import { passwordProblems, roleSetProblem, type UserCreateInput, type UserUpdateInput } from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { NotFoundError, ValidationError, VersionConflictError, UniqueViolationError } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/auth/password-hash.ts';
import { findCurrentRegion } from '../regions/regions.repository.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import { deleteSessionsOfUser } from '../auth/auth.repository.ts';
import * as repo from './users.repository.ts';
import { auditUserState, presentUser } from './users.presenter.ts';

/** Account management by the security administrator (安全管理员), always inside the administrator's own scope. */
export class UsersService {
  constructor(
    private readonly deps: AppDeps,
    private readonly settings: SettingsService,
  ) {}

  async list(actor: Actor, q: { search: string | null; page: number; pageSize: number }) {
    const rows = await repo.listUsers(this.deps.db.orm, actor.scope, {
      search: q.search,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const now = this.deps.clock.now();
    return { items: rows.map((r) => presentUser(r, now)), total: rows[0]?.total ?? 0 };
  }

  async create(actor: Actor, ip: string, input: UserCreateInput) {
    await this.checkRolesAndRegion(actor, input.roles, input.regionCode);
    const problems = passwordProblems(input.password, await this.settings.passwordPolicy(), input.username);
    if (problems.length > 0) throw new ValidationError(problems.join('；'), { problems });
    const passwordHash = await hashPassword(input.password);
    try {
      const user = await this.deps.db.transaction(async (tx) => {
        const created = await repo.insertUser(tx.orm, { ...input, passwordHash, mustChangePassword: true });
        if (!created) throw new Error('insert returned no row');
        await this.deps.audit.append(tx, {
          action: 'user.create', outcome: 'success', actor, ip, regionCode: created.region_code,
          entity: 'user', entityId: created.id, after: auditUserState(created),
        });
        return created;
      });
      return presentUser(user, this.deps.clock.now());
    } catch (error) {
      if (error instanceof UniqueViolationError) throw new UniqueViolationError(`用户名 ${input.username} 已被使用`);
      throw error;
    }
  }

  async update(actor: Actor, ip: string, id: string, input: UserUpdateInput) {
    const { db, clock, audit } = this.deps;
    const current = await repo.findUser(db.orm, actor.scope, id);
    if (!current) throw new NotFoundError('用户不存在');
    const next = {
      displayName: input.displayName ?? current.display_name,
      roles: input.roles ?? current.roles,
      regionCode: input.regionCode ?? current.region_code,
      status: input.status ?? current.status,
    };
    await this.checkRolesAndRegion(actor, next.roles, next.regionCode);
    if (id === actor.userId && (next.status !== 'active' || input.roles)) {
      throw new ValidationError('不能停用自己的账号或修改自己的角色');
    }
    const updated = await db.transaction(async (tx) => {
      const row = await repo.updateUser(tx.orm, actor.scope, id, input.version, next, clock.now());
      if (!row) return null;
      // A disabled account or changed duties end the user's sessions at once.
      if (row.status !== 'active' || input.roles || input.regionCode) await deleteSessionsOfUser(tx.orm, id);
      await audit.append(tx, {
        action: 'user.update', outcome: 'success', actor, ip, regionCode: row.region_code,
        entity: 'user', entityId: id, before: auditUserState(current), after: auditUserState(row),
      });
      return row;
    });
    if (!updated) {
      const latest = await repo.findUser(db.orm, actor.scope, id);
      if (!latest) throw new NotFoundError('用户不存在');
      throw new VersionConflictError(presentUser(latest, clock.now()));
    }
    return presentUser(updated, clock.now());
  }

  async unlock(actor: Actor, ip: string, id: string) {
    const row = await this.deps.db.transaction(async (tx) => {
      const r = await repo.unlockUser(tx.orm, actor.scope, id, this.deps.clock.now());
      if (!r) throw new NotFoundError('用户不存在');
      await this.deps.audit.append(tx, { action: 'user.unlock', outcome: 'success', actor, ip, regionCode: r.region_code, entity: 'user', entityId: id });
      return r;
    });
    return presentUser(row, this.deps.clock.now());
  }

  async resetPassword(actor: Actor, ip: string, id: string, password: string) {
    const target = await repo.findUser(this.deps.db.orm, actor.scope, id);
    if (!target) throw new NotFoundError('用户不存在');
    const problems = passwordProblems(password, await this.settings.passwordPolicy(), target.username);
    if (problems.length > 0) throw new ValidationError(problems.join('；'), { problems });
    const passwordHash = await hashPassword(password);
    await this.deps.db.transaction(async (tx) => {
      const r = await repo.setPassword(tx.orm, actor.scope, id, passwordHash, this.deps.clock.now());
      if (!r) throw new NotFoundError('用户不存在');
      await deleteSessionsOfUser(tx.orm, id);
      await this.deps.audit.append(tx, { action: 'user.password_reset', outcome: 'success', actor, ip, regionCode: r.region_code, entity: 'user', entityId: id });
    });
  }

  private async checkRolesAndRegion(actor: Actor, roles: readonly string[], regionCode: string) {
    const problem = roleSetProblem(roles);
    if (problem) throw new ValidationError(problem);
    // An administrator can only hand out scope inside their own: no one can create a wider account than theirs.
    if (!regionCode.startsWith(actor.scope)) throw new ValidationError('所选地区不在您的管辖范围内');
    if (!(await findCurrentRegion(this.deps.db.orm, regionCode))) throw new ValidationError(`地区编码 ${regionCode} 不存在`);
  }
}
