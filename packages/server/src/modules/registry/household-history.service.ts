import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { queryRows, sql } from '../../platform/db/sql.ts';
import type { RegistryService } from './registry.service.ts';

/** The change history of one household as the audit trail recorded it: the household, its members, its income. */
export class HouseholdHistoryService {
  constructor(
    private readonly deps: AppDeps,
    private readonly registry: RegistryService,
  ) {}

  async history(actor: Actor, householdId: string) {
    const h = await this.registry.household(actor, householdId);
    const rows = await queryRows<{ seq: number; occurred_at: Date; username: string | null; action: string; entity: string; before: unknown; after: unknown }>(
      this.deps.db.orm,
      sql`SELECT a.seq, a.occurred_at, a.username, a.action, a.entity, a.before, a.after FROM audit_log a
          WHERE a.outcome = 'success' AND (
            (a.entity = 'household' AND a.entity_id = ${h.id}::text)
            OR (a.entity = 'member' AND a.entity_id IN (SELECT m.id::text FROM members m WHERE m.county_code = ${h.county_code} AND m.household_id = ${h.id}))
            OR (a.entity = 'income_record' AND a.entity_id IN (SELECT r.id::text FROM income_records r WHERE r.county_code = ${h.county_code} AND r.household_id = ${h.id})))
          ORDER BY a.seq DESC LIMIT 200`,
    );
    return rows.map((r) => ({ seq: r.seq, occurredAt: r.occurred_at.toISOString(), username: r.username, action: r.action, entity: r.entity, before: r.before, after: r.after }));
  }
}
