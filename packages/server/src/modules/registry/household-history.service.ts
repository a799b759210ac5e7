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
            -- A member's changes belong to the household they were in at the time: current members from when they
            -- joined, members who moved out until they left, and the move itself to both households.
            OR (a.action = 'member.move' AND (a.before->>'householdId' = ${h.id}::text OR a.after->>'householdId' = ${h.id}::text))
            OR (a.entity = 'member' AND a.action <> 'member.move' AND a.entity_id IN (
                  SELECT m.id::text FROM members m WHERE m.county_code = ${h.county_code} AND m.household_id = ${h.id})
                AND NOT EXISTS (SELECT 1 FROM member_moves mm WHERE mm.member_id::text = a.entity_id AND mm.to_household_id = ${h.id}
                                AND a.occurred_at < mm.moved_at))
            OR (a.entity = 'member' AND a.action <> 'member.move' AND EXISTS (
                  SELECT 1 FROM member_moves mm WHERE mm.member_id::text = a.entity_id AND mm.from_household_id = ${h.id}
                    AND a.occurred_at <= mm.moved_at))
            OR (a.entity = 'income_record' AND a.entity_id IN (SELECT r.id::text FROM income_records r WHERE r.county_code = ${h.county_code} AND r.household_id = ${h.id})))
          ORDER BY a.seq DESC LIMIT 200`,
    );
    return rows.map((r) => ({ seq: r.seq, occurredAt: r.occurred_at.toISOString(), username: r.username, action: r.action, entity: r.entity, before: r.before, after: r.after }));
  }
}
