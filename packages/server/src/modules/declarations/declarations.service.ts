import { createHmac, randomBytes } from 'node:crypto';
import {
  CASE_STATE_LABELS, DECLARATION_STAGE_LABELS, DECLARATION_STATUS_LABELS, DIFFICULTY_TYPE_LABELS, addWorkingDays, chinaDate, declarationStage,
  maskIdNumber, maskPhone, receiptCodeFromBytes, type DeclarationInput, type DeclarationStatus,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { DomainError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { sql } from '../../platform/db/sql.ts';
import { CasesService, DUE_SOON_DAYS } from '../cases/cases.service.ts';
import * as repo from './declarations.repository.ts';

/** The same body as the per-IP limit's 429 (app.ts error handler), so the reply never tells which limit hit. */
export class DeclarationRateLimitedError extends DomainError {
  constructor() {
    super(429, 'rate_limited', '请求过于频繁，请稍后再试');
  }
}

/** One answer for every submission, matched or not, known or not: the reply must not reveal a registered ID. */
export const DECLARATION_RECEIVED_MESSAGE =
  '申报已受理。村里会在 2 个工作日内与您联系并上门了解情况。请记下受理编号，凭受理编号和身份证号后 4 位可以查询办理进度。';
/** One answer for every failed status lookup: wrong code, wrong last 4 and unknown code look the same. */
export const DECLARATION_NOT_FOUND_MESSAGE = '没有查到这条申报，请核对受理编号和身份证号后 4 位';

export interface DeclarationLimits {
  /** Declarations per ID number in any 24 hours. */
  perIdPerDay: number;
}

/**
 * 农户自主申报: the public form's submissions become leads for the village (via the cases module), and the village
 * links the ones whose household is not registered yet, or closes them with a reason.
 */
export class DeclarationsService {
  private key: Promise<string> | null = null;
  private readonly cases: CasesService;

  constructor(private readonly deps: AppDeps, private readonly limits: DeclarationLimits) {
    this.cases = new CasesService(deps);
  }

  private async hmac(value: string) {
    const key = await (this.key ??= repo.hashKey(this.deps.db.orm));
    return createHmac('sha256', key).update(value).digest('hex');
  }

  async submit(input: DeclarationInput, ip: string): Promise<{ receiptCode: string; message: string }> {
    const idHash = await this.hmac(`id:${input.idNumber}`);
    const ipHash = await this.hmac(`ip:${ip}`);
    const now = this.deps.clock.now();
    const receiptCode = await this.deps.db.transaction(async (tx) => {
      if (!(await repo.isCurrentVillage(tx.orm, input.villageCode))) throw new ValidationError('所选的村不存在或已停用，请重新选择');
      // Serialise declarations of one ID so two at once cannot both slip under the per-ID limit.
      await tx.orm.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${idHash}))`);
      if ((await repo.countSince(tx.orm, idHash, new Date(now.getTime() - 86_400_000))) >= this.limits.perIdPerDay) throw new DeclarationRateLimitedError();

      const county = input.villageCode.slice(0, 6);
      const member = await repo.householdOfMember(tx.orm, county, input.idNumber);
      let status: DeclarationStatus = 'needs_registration';
      let villageCode = input.villageCode;
      let caseId: string | null = null;
      let created = false;
      const code = await this.newReceiptCode(tx);
      if (member) {
        // The lead goes to the village that keeps the household's record, which is the one that visits.
        villageCode = member.village_code;
        const lead = await this.cases.openSystemLead(tx, {
          countyCode: county, householdId: member.household_id, villageCode, source: 'declaration', note: this.leadNote(code, input),
        });
        status = 'lead_opened';
        caseId = lead.caseId;
        created = lead.created;
      }
      const id = await repo.insertDeclaration(tx, {
        county, receiptCode: code, villageCode, name: input.name, phone: input.phone, idNumber: input.idNumber, idHash, ipHash,
        difficulties: input.difficulties, description: input.description, status, householdId: member?.household_id ?? null, caseId, at: now,
      });
      if (!id) throw new Error('receipt code collided after it was checked free');
      await this.deps.audit.append(tx, {
        action: 'declaration.submitted', outcome: 'success', actor: null, username: 'public', ip, regionCode: villageCode, entity: 'declaration', entityId: id,
        detail: { idNumber: maskIdNumber(input.idNumber), status, caseId, caseCreated: created, difficulties: input.difficulties },
      });
      return code;
    });
    return { receiptCode, message: DECLARATION_RECEIVED_MESSAGE };
  }

  /** 50 random bits: a collision is all but impossible, but a unique index still backs the check. */
  private async newReceiptCode(tx: Tx) {
    for (let i = 0; i < 5; i++) {
      const code = receiptCodeFromBytes(randomBytes(10));
      if (!(await repo.findByReceipt(tx.orm, code))) return code;
    }
    throw new Error('could not find a free receipt code');
  }

  private leadNote(code: string, input: DeclarationInput) {
    return `农户自主申报（受理编号 ${code}）：${input.difficulties.map((d) => DIFFICULTY_TYPE_LABELS[d]).join('、')}。${input.description}`;
  }

  async status(q: { receiptCode: string; idLast4: string }) {
    const row = await repo.findByReceipt(this.deps.db.orm, q.receiptCode);
    if (!row || row.id_number.slice(-4) !== q.idLast4) throw new NotFoundError(DECLARATION_NOT_FOUND_MESSAGE);
    const stage = declarationStage(row, row.case_status);
    return { stage, stageLabel: DECLARATION_STAGE_LABELS[stage], submittedDate: chinaDate(row.created_at.toISOString()) };
  }

  // -------------------------------------------------------------------------------------------------------
  // The village's side

  async list(actor: Actor, q: { region?: string | undefined; status?: DeclarationStatus | undefined; page: number; pageSize: number }) {
    const region = q.region ?? actor.scope;
    if (!region.startsWith(actor.scope)) throw new NotFoundError('地区不存在');
    const rows = await repo.listDeclarations(this.deps.db.orm, { region, statuses: q.status ? [q.status] : null }, q.pageSize, (q.page - 1) * q.pageSize);
    const items = [];
    for (const r of rows) items.push(await this.present(r));
    return { total: rows[0]?.total ?? 0, items };
  }

  private async present(r: repo.DeclarationListRow) {
    return {
      id: r.id,
      receiptCode: r.receipt_code,
      villageCode: r.village_code,
      villageName: r.village_name,
      name: r.name,
      idNumber: maskIdNumber(r.id_number),
      phone: maskPhone(r.phone),
      difficulties: r.difficulties,
      difficultyLabels: r.difficulties.map((d) => DIFFICULTY_TYPE_LABELS[d] ?? d),
      description: r.description,
      status: r.status,
      statusLabel: DECLARATION_STATUS_LABELS[r.status],
      householdId: r.household_id,
      householdNo: r.household_no,
      case: r.case_id ? { id: r.case_id, caseNo: r.case_no, status: r.case_status, statusLabel: r.case_status ? CASE_STATE_LABELS[r.case_status] : null } : null,
      closedReason: r.closed_reason,
      createdAt: r.created_at.toISOString(),
      homeCheckDue: await this.homeCheckDue(r),
    };
  }

  /**
   * The 2-working-day home check: the case's own deadline once it is a lead; before the household is registered,
   * counted from the declaration (the village owes the visit either way). None once visited or closed.
   */
  private async homeCheckDue(r: repo.DeclarationListRow) {
    let date: string | null = null;
    if (r.status === 'lead_opened') {
      if (r.case_due_kind === 'home_check') date = r.case_due_date;
    } else if (r.status !== 'closed') {
      const config = await this.cases.config(r.village_code);
      date = addWorkingDays(chinaDate(r.created_at.toISOString())!, config.homeCheckWorkingDays);
    }
    if (!date) return null;
    const today = this.cases.today();
    const days = (Date.parse(date) - Date.parse(today)) / 86_400_000;
    return { date, urgency: date < today ? 'overdue' : days <= DUE_SOON_DAYS ? 'due_soon' : 'normal' };
  }

  async detail(actor: Actor, id: string) {
    const row = await repo.findInScope(this.deps.db.orm, actor.scope, id);
    if (!row) throw new NotFoundError('申报不存在');
    return this.present(row);
  }

  /** Once the village has registered the household, the declaration becomes its lead (or joins its running case). */
  async link(actor: Actor, ip: string, id: string, householdId: string) {
    await this.deps.db.transaction(async (tx) => {
      const d = await repo.findInScope(tx.orm, actor.scope, id, true);
      if (!d) throw new NotFoundError('申报不存在');
      if (d.status !== 'needs_registration' && d.status !== 'received') throw new DomainError(409, 'declaration_not_open', `该申报${DECLARATION_STATUS_LABELS[d.status]}，不能再关联农户`);
      const household = await repo.householdInScope(tx.orm, actor.scope, householdId);
      if (!household) throw new NotFoundError('农户不存在');
      if (household.county_code !== d.county_code) throw new ValidationError('该农户不在申报所在的县');
      const member = await repo.householdOfMember(tx.orm, d.county_code, d.id_number);
      const lead = await this.cases.openSystemLead(tx, {
        countyCode: household.county_code, householdId: household.id, villageCode: household.village_code, source: 'declaration',
        note: this.leadNote(d.receipt_code, { difficulties: d.difficulties, description: d.description } as DeclarationInput),
      });
      const now = this.deps.clock.now();
      await repo.markLinked(tx, d.county_code, d.id, household.id, lead.caseId, household.village_code, now);
      await this.deps.audit.append(tx, {
        action: 'declaration.linked', outcome: 'success', actor, ip, regionCode: household.village_code, entity: 'declaration', entityId: d.id,
        before: { status: d.status }, after: { status: 'lead_opened', householdId: household.id, caseId: lead.caseId, caseCreated: lead.created },
        detail: { declarantIsMember: member?.household_id === household.id },
      });
    });
    return this.detail(actor, id);
  }

  async close(actor: Actor, ip: string, id: string, reason: string) {
    await this.deps.db.transaction(async (tx) => {
      const d = await repo.findInScope(tx.orm, actor.scope, id, true);
      if (!d) throw new NotFoundError('申报不存在');
      // A declaration that is already a lead is settled in its case (核实后不纳入), not here.
      if (d.status !== 'needs_registration' && d.status !== 'received') throw new DomainError(409, 'declaration_not_open', `该申报${DECLARATION_STATUS_LABELS[d.status]}，不能关闭`);
      await repo.markClosed(tx, d.county_code, d.id, reason, actor.userId, this.deps.clock.now());
      await this.deps.audit.append(tx, {
        action: 'declaration.closed', outcome: 'success', actor, ip, regionCode: d.village_code, entity: 'declaration', entityId: d.id,
        before: { status: d.status }, after: { status: 'closed' }, detail: { reason },
      });
    });
    return this.detail(actor, id);
  }

  /** The full ID number and phone for the home check, for a role allowed to see them; every call is audited. */
  async unmask(actor: Actor, ip: string, id: string, reason: string) {
    const row = await repo.findInScope(this.deps.db.orm, actor.scope, id);
    if (!row) throw new NotFoundError('申报不存在');
    await this.deps.audit.appendStandalone({
      action: 'personal.unmask', outcome: 'success', actor, ip, regionCode: row.village_code, entity: 'declaration', entityId: row.id,
      detail: { reason, fields: ['idNumber', 'phone'] },
    });
    return { name: row.name, idNumber: row.id_number, phone: row.phone };
  }

  /** The village for a printed QR code: inside the caller's scope and current, else not found. */
  async checkVillage(actor: Actor, village: string) {
    if (!village.startsWith(actor.scope) || !(await repo.isCurrentVillage(this.deps.db.orm, village))) throw new NotFoundError('村不存在');
  }
}
