import { randomBytes } from 'node:crypto';
import { ROLE_LABELS, type Role } from '@zengshou/core';
import type { AppDeps } from '../../platform/http/context.ts';
import { hashPassword } from '../../platform/auth/password-hash.ts';
import { queryOne, sql } from '../../platform/db/sql.ts';
import { countUsers, insertUser } from '../users/users.repository.ts';

/** 维西傈僳族自治县 (Weixi, Diqing, Yunnan): the county of seed 004, home of the demo. */
export const DEMO_COUNTY = '533423';
export const DEMO_TOWNSHIP = '533423101'; // 保和镇, the county seat

export interface DemoAccount {
  username: string;
  role: Role;
  roleLabel: string;
  regionCode: string;
  displayName: string;
}

/** A password that satisfies the default policy (length ≥ 10, three character classes). */
export function generateDemoPassword(): string {
  return `Zs-${randomBytes(9).toString('base64url')}9a`;
}

/** One account per role. Creates nothing when any user exists already (the demo is loaded on first start only). */
export async function seedDemoAccounts(deps: AppDeps, password: string): Promise<DemoAccount[] | null> {
  const { db } = deps;
  if ((await countUsers(db.orm)) > 0) return null;
  const village = await queryOne<{ code: string; name: string }>(
    db.orm,
    sql`SELECT code, name FROM regions WHERE parent_code = ${DEMO_TOWNSHIP} AND valid_to IS NULL ORDER BY code LIMIT 1`,
  );
  if (!village) throw new Error(`regions of ${DEMO_TOWNSHIP} are not loaded`);
  const plan: Array<[string, Role, string, string]> = [
    ['clerk', 'village_clerk', village.code, `${village.name}信息员`],
    ['reviewer', 'township_reviewer', DEMO_TOWNSHIP, '保和镇审核员'],
    ['county', 'county_admin', DEMO_COUNTY, '维西县乡村振兴局管理员'],
    ['viewer', 'viewer', DEMO_COUNTY, '维西县领导查看'],
    ['dept', 'department', DEMO_COUNTY, '维西县民政局数据员'],
    ['sysadmin', 'system_admin', DEMO_COUNTY, '系统管理员'],
    ['secadmin', 'security_admin', DEMO_COUNTY, '安全管理员'],
    ['auditor', 'audit_admin', DEMO_COUNTY, '审计管理员'],
  ];
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    for (const [username, role, regionCode, displayName] of plan) {
      await insertUser(tx.orm, { username, displayName, passwordHash, roles: [role], regionCode, mustChangePassword: false });
    }
    await deps.audit.append(tx, {
      action: 'demo.seed', outcome: 'success', regionCode: DEMO_COUNTY, detail: { accounts: plan.map((p) => p[0]) },
    });
  });
  return plan.map(([username, role, regionCode, displayName]) => ({ username, role, roleLabel: ROLE_LABELS[role], regionCode, displayName }));
}
