import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  DEPARTMENT_COLUMNS, DEPARTMENT_LIST_OPENS_LEAD, DEPARTMENT_LIST_STATUS_LABELS, DEPARTMENT_LIST_TYPES, DEPARTMENT_LIST_TYPE_LABELS, DEPARTMENT_ROW_STATUS_LABELS,
  DEPARTMENT_RULES_VERSION, ASSISTANCE_KIND_LABELS, CHANGE_KIND_LABELS, DISABILITY_KIND_LABELS, DISASTER_TYPE_LABELS, JOB_EVENT_LABELS,
  canonicalJson, chinaDate, decideDepartmentRow, departmentSource, falsePositiveRate, listTypeOfSource, mapDepartmentHeaders,
  maskIdNumber, normaliseText, validateDepartmentRow,
  type DepartmentListType, type DepartmentRowStatus,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import type { CopyValue, Tx } from '../../platform/db/database.ts';
import { DomainError, NotFoundError } from '../../platform/errors.ts';
import { DEFAULT_IMPORT_LIMITS, FileRejectedError, inspectFile, readRows, type ImportLimits } from '../imports/file-source.ts';
import { WARNING_DUE_DAYS } from '../monitoring/monitoring.service.ts';
import { CasesService } from '../cases/cases.service.ts';
import * as repo from './department.repository.ts';

const PAGE = 5_000;
/** Department lists are a few thousand rows; a whole county's registry is never sent as one list. */
export const DEPARTMENT_LIMITS: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 20 * 1024 * 1024, maxRowsPerSheet: 200_000 };

export interface DepartmentRequest {
  actor: Actor;
  ip: string;
}

/** A row as read from a file or a JSON call, cells by column key, before validation. */
interface RawRow {
  rowNo: number;
  cells: Record<string, unknown>;
}

export class DuplicateListError extends DomainError {
  constructor() {
    super(409, 'list_already_applied', '相同内容的名单已由其他账号导入，无需重复导入');
  }
}

/**
 * 部门筛查预警: a department's list is compared with the registry by ID number (数据比对). A dry run stores the list
 * with each row's result so the uploader can review the diff; applying re-matches in one transaction, updates the
 * household facts the list reports and pushes warnings (source `department:<type>`) to the villages.
 */
export class DepartmentService {
  private readonly cases: CasesService;

  constructor(private readonly deps: AppDeps) {
    this.cases = new CasesService(deps);
  }

  /** An account that cannot read the registry (a department account) sees only the lists it uploaded. */
  visibility(actor: Actor): repo.ListVisibility {
    return { scope: actor.scope, ownerOnly: actor.permissions.has('registry:read') ? null : actor.userId };
  }

  private today() {
    return chinaDate(this.deps.clock.now().toISOString())!;
  }

  // -------------------------------------------------------------------------------------------------------
  // Upload

  async uploadFile(req: DepartmentRequest, type: DepartmentListType, file: { path: string; name: string }, dryRun: boolean) {
    const kind = await inspectFile(file.path, file.name, DEPARTMENT_LIMITS);
    const sha256 = await fileSha256(file.path);
    const rows = readFileRows(type, file.path, kind, file.name);
    return this.receive(req, { type, channel: 'file', fileName: file.name.slice(0, 200), sha256, rows, dryRun });
  }

  async uploadJson(req: DepartmentRequest, body: { listType: DepartmentListType; rows: Record<string, string | number | null>[]; dryRun: boolean }) {
    const sha256 = createHash('sha256').update(canonicalJson({ listType: body.listType, rows: body.rows })).digest('hex');
    const keys = jsonKeyMap(body.listType);
    async function* rows(): AsyncGenerator<RawRow> {
      let rowNo = 0;
      for (const r of body.rows) {
        const cells: Record<string, unknown> = {};
        // Own keys only: a '__proto__' key in the body must not reach the prototype.
        for (const [k, v] of Object.entries(r)) {
          const key = keys.get(k);
          if (key) cells[key] = v;
        }
        yield { rowNo: ++rowNo, cells };
      }
    }
    return this.receive(req, { type: body.listType, channel: 'api', fileName: `接口提交 ${this.today()}`, sha256, rows: rows(), dryRun: body.dryRun });
  }

  private async receive(req: DepartmentRequest, input: { type: DepartmentListType; channel: 'file' | 'api'; fileName: string; sha256: string; rows: AsyncIterable<RawRow>; dryRun: boolean }) {
    const { actor } = req;
    const existing = await repo.findApplied(this.deps.db.orm, actor.scope, input.type, input.sha256);
    if (existing) {
      // The same content again: nothing changes; the uploader gets the list it already applied.
      if (!(await repo.findList(this.deps.db.orm, this.visibility(actor), existing.id))) throw new DuplicateListError();
      return { ...(await this.detail(actor, existing.id)), alreadyApplied: true };
    }
    const today = this.today();
    const at = this.deps.clock.now();
    const listId = await this.deps.db.transaction(async (tx) => {
      const id = await repo.insertList(tx, {
        county: actor.scope.slice(0, 6), scope: actor.scope, type: input.type, by: actor.userId, channel: input.channel, fileName: input.fileName, sha256: input.sha256, at,
      });
      let buffer: CopyValue[][] = [];
      let count = 0;
      for await (const row of input.rows) {
        const r = validateDepartmentRow(input.type, row.cells, today);
        if (r.ok) buffer.push([id, row.rowNo, r.idNumber, JSON.stringify(r.fields), 'pending', null]);
        else buffer.push([id, row.rowNo, r.idNumber, '{}', 'invalid', r.errors.map((e) => `${e.column}：${e.reason}`).join('；').slice(0, 500)]);
        if (++count > DEPARTMENT_LIMITS.maxRowsPerSheet) throw new FileRejectedError(`名单超过 ${DEPARTMENT_LIMITS.maxRowsPerSheet.toLocaleString('zh-CN')} 行的上限，请拆分后提交`);
        if (buffer.length >= PAGE) {
          await tx.copyRows('department_list_rows', repo.ROW_COLUMNS, buffer);
          buffer = [];
        }
      }
      await tx.copyRows('department_list_rows', repo.ROW_COLUMNS, buffer);
      if (count === 0) throw new FileRejectedError('名单中没有数据行');
      await this.match(tx, id, actor.scope, input.type);
      const counts = await repo.countRows(tx.orm, id);
      await repo.storeCounts(tx, id, counts);
      let applied = null;
      if (!input.dryRun) applied = await this.applyMatched(tx, id, input.type, at, today);
      await this.deps.audit.append(tx, {
        action: input.dryRun ? 'department.list_dry_run' : 'department.list_applied', outcome: 'success', actor, ip: req.ip, regionCode: actor.scope,
        entity: 'department_list', entityId: id, detail: { listType: input.type, channel: input.channel, fileName: input.fileName, sha256: input.sha256, counts, applied },
      });
      return id;
    });
    return { ...(await this.detail(actor, listId)), alreadyApplied: false };
  }

  /** Applies a list reviewed in a dry run: re-matched now, facts and warnings in one transaction. Applying twice is a no-op. */
  async apply(req: DepartmentRequest, listId: string) {
    const { actor } = req;
    const at = this.deps.clock.now();
    const today = this.today();
    await this.deps.db.transaction(async (tx) => {
      const list = await repo.findList(tx.orm, this.visibility(actor), listId, true);
      if (!list) throw new NotFoundError('名单不存在');
      if (list.status === 'applied') return;
      if (await repo.findApplied(tx.orm, list.scope_code, list.list_type, list.sha256)) throw new DomainError(409, 'list_already_applied', '相同内容的名单已经导入过，无需重复导入');
      await repo.resetMatches(tx, list.id);
      await this.match(tx, list.id, list.scope_code, list.list_type);
      const counts = await repo.countRows(tx.orm, list.id);
      await repo.storeCounts(tx, list.id, counts);
      const applied = await this.applyMatched(tx, list.id, list.list_type, at, today);
      await this.deps.audit.append(tx, {
        action: 'department.list_applied', outcome: 'success', actor, ip: req.ip, regionCode: list.scope_code, entity: 'department_list', entityId: list.id,
        before: { status: 'dry_run' }, after: { status: 'applied' }, detail: { listType: list.list_type, counts, applied },
      });
    });
    return this.detail(actor, listId);
  }

  /** Duplicates, then ID-number matching inside the scope, then core's decision for each matched row (page by page). */
  private async match(tx: Tx, listId: string, scope: string, type: DepartmentListType) {
    await repo.markDuplicates(tx, listId);
    await repo.matchMembers(tx, listId, scope);
    await repo.createDecisionTable(tx);
    const ruleId = departmentSource(type);
    let after = 0;
    for (;;) {
      const page = await repo.matchedFactsPage(tx.orm, listId, ruleId, after, PAGE);
      if (page.length === 0) break;
      const rows: CopyValue[][] = page.map((r) => {
        const d = decideDepartmentRow(type, r.fields, {
          assistanceStatus: r.assistance_status, unsafeHousing: r.unsafe_housing, schoolDropout: r.school_dropout,
          disabilityGrade: r.disability_grade, openWarningOfType: r.open_warning,
        });
        if (d.outcome === 'already_known') return [r.row_no, 'already_known', d.reason, null, null, null, null, null, null];
        const to = d.fact === null ? null : d.fact.kind === 'assistance_status' ? d.fact.to : d.fact.kind === 'disability_grade' ? String(d.fact.to) : 'true';
        return [r.row_no, 'matched', null, d.fact?.kind ?? null, to, d.warning.ruleId, d.warning.title, d.warning.explanation, d.warning.score];
      });
      await tx.copyRows('dept_decisions', repo.DECISION_COLUMNS, rows);
      after = page[page.length - 1]!.row_no;
    }
    await repo.storeDecisions(tx, listId);
  }

  private async applyMatched(tx: Tx, listId: string, type: DepartmentListType, at: Date, today: string) {
    const facts = await repo.applyFacts(tx, listId, at, today);
    const opened = await repo.openWarnings(tx, listId, departmentSource(type), DEPARTMENT_RULES_VERSION, at, WARNING_DUE_DAYS);
    let leads = 0;
    if (DEPARTMENT_LIST_OPENS_LEAD[type]) {
      // One case per household (a disaster list is hundreds of rows, not a county): each lead goes through the
      // workflow's own gate. A household whose case is already running keeps it, and the warning follows that case.
      // Only warnings opened just now get here, and a list is applied once, so a retry opens nothing twice.
      for (const w of opened) {
        const lead = await this.cases.openSystemLead(tx, {
          countyCode: w.county_code, householdId: w.household_id, villageCode: w.village_code, source: 'department',
          disaster: type === 'emergency', note: `${DEPARTMENT_LIST_TYPE_LABELS[type]}：${w.title}`, warningId: w.id,
        });
        if (lead.created) leads++;
        else await repo.linkWarningToCase(tx, w.county_code, w.id, lead.caseId);
      }
    }
    await repo.markApplied(tx, listId, at, { opened: opened.length, leads, facts });
    return { warningsOpened: opened.length, leadsOpened: leads, factsUpdated: facts };
  }

  // -------------------------------------------------------------------------------------------------------
  // Reading

  async list(actor: Actor, q: { page: number; pageSize: number }) {
    const rows = await repo.listLists(this.deps.db.orm, this.visibility(actor), q.pageSize, (q.page - 1) * q.pageSize);
    return { total: rows[0]?.total ?? 0, items: rows.map(presentList) };
  }

  async detail(actor: Actor, id: string, q: { status?: DepartmentRowStatus | undefined; page: number; pageSize: number } = { page: 1, pageSize: 200 }) {
    const list = await repo.findList(this.deps.db.orm, this.visibility(actor), id);
    if (!list) throw new NotFoundError('名单不存在');
    const rows = await repo.listRows(this.deps.db.orm, list.id, q.status ?? null, q.pageSize, (q.page - 1) * q.pageSize);
    return {
      list: presentList(list),
      rowsTotal: rows[0]?.total ?? 0,
      // Only what the department sent and how it matched: never a household, village or any other registry field.
      rows: rows.map((r) => ({
        rowNo: r.row_no,
        idNumber: r.id_number ? maskIdNumber(r.id_number) : null,
        name: typeof r.fields.name === 'string' ? r.fields.name : null,
        detail: describeFields(list.list_type, r.fields),
        status: r.status,
        statusLabel: DEPARTMENT_ROW_STATUS_LABELS[r.status as DepartmentRowStatus] ?? r.status,
        reason: r.reason,
        warning: r.warning_status === null ? null : r.false_positive ? 'false_positive' : r.warning_status,
      })),
    };
  }

  async falsePositiveRates(actor: Actor) {
    const counts = await repo.falsePositiveCounts(this.deps.db.orm, this.visibility(actor));
    return {
      items: DEPARTMENT_LIST_TYPES.map((t) => {
        const c = counts.find((x) => x.list_type === t);
        const pushed = c?.pushed ?? 0;
        const fp = c?.false_positives ?? 0;
        return { listType: t, label: DEPARTMENT_LIST_TYPE_LABELS[t], pushed, open: c?.open ?? 0, falsePositives: fp, rate: falsePositiveRate(pushed, fp) };
      }),
    };
  }

  // -------------------------------------------------------------------------------------------------------
  // The village's side

  /** The village closes a department warning it found wrong at the home check, with a reason the department sees as a rate. */
  async markFalsePositive(req: DepartmentRequest, warningId: string, reason: string) {
    const { actor } = req;
    const at = this.deps.clock.now();
    return this.deps.db.transaction(async (tx) => {
      const w = await repo.warningInScope(tx.orm, actor.scope, warningId);
      if (!w) throw new NotFoundError('预警不存在');
      if (!listTypeOfSource(w.source)) throw new DomainError(422, 'not_department_warning', '只有部门推送的预警可以标记为误报');
      if (w.status !== 'open') throw new DomainError(409, 'warning_closed', '该预警已关闭，不能再标记为误报');
      if (w.case_id) throw new DomainError(409, 'warning_has_case', '该预警已转为线索，请在案件中办理（核实后不纳入）');
      await repo.markFalsePositive(tx, w.county_code, w.id, reason, actor.userId, at);
      await this.deps.audit.append(tx, {
        action: 'warning.false_positive', outcome: 'success', actor, ip: req.ip, regionCode: w.village_code, entity: 'warning', entityId: w.id,
        before: { status: 'open' }, after: { status: 'closed', falsePositive: true }, detail: { source: w.source, reason },
      });
      return { id: w.id, status: 'closed' as const, falsePositive: true, closeReason: `误报：${reason}`, closedAt: at.toISOString() };
    });
  }
}

function presentList(l: repo.ListRow) {
  return {
    id: l.id, listType: l.list_type, listTypeLabel: DEPARTMENT_LIST_TYPE_LABELS[l.list_type], channel: l.channel, fileName: l.file_name,
    status: l.status, statusLabel: DEPARTMENT_LIST_STATUS_LABELS[l.status], uploadedBy: l.uploader_name,
    counts: { total: l.rows_total, matched: l.rows_matched, alreadyKnown: l.rows_known, unmatched: l.rows_unmatched, invalid: l.rows_invalid },
    warningsOpened: l.warnings_opened, leadsOpened: l.leads_opened, factsUpdated: l.facts_updated, createdAt: l.created_at.toISOString(), appliedAt: l.applied_at?.toISOString() ?? null,
  };
}

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const yuan = (v: unknown) => (typeof v === 'number' ? `${(v / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元` : '');

/** The row's own fields in words (what the department sent), for the result table. */
function describeFields(type: DepartmentListType, f: Record<string, string | number | null>): string {
  const parts: string[] = (() => {
    switch (type) {
      case 'civil_affairs': return [ASSISTANCE_KIND_LABELS[s(f.assistance)] ?? '', CHANGE_KIND_LABELS[s(f.change)] ?? '', s(f.date), yuan(f.amountFen)];
      case 'medical_insurance': return [`自付 ${yuan(f.outOfPocketFen)}`, s(f.date)];
      case 'education': return [s(f.school), `辍学 ${s(f.date)}`];
      case 'human_resources': return [JOB_EVENT_LABELS[s(f.event)] ?? '', s(f.date)];
      case 'housing': return [f.grade ? `${s(f.grade)}级危房` : '', s(f.date)];
      case 'emergency': return [DISASTER_TYPE_LABELS[s(f.disaster)] ?? '', s(f.date), yuan(f.lossFen)];
      case 'disability': return [DISABILITY_KIND_LABELS[s(f.kind)] ?? '', f.grade ? `${s(f.grade)}级` : ''];
    }
  })();
  return parts.filter(Boolean).join('，');
}

async function fileSha256(path: string) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** JSON rows may use the column keys or the Chinese headers. */
function jsonKeyMap(type: DepartmentListType) {
  const m = new Map<string, string>();
  for (const c of DEPARTMENT_COLUMNS[type]) {
    m.set(c.key, c.key);
    m.set(c.header, c.key);
  }
  return m;
}

/** The first sheet whose header row names the list's columns; rows as cells by key. Streaming, never whole-file. */
async function* readFileRows(type: DepartmentListType, path: string, kind: 'xlsx' | 'csv', fileName: string): AsyncGenerator<RawRow> {
  let sheet: string | null = null;
  let keys: (string | null)[] | null = null;
  let done = false;
  let lastMissing: string[] | null = null;
  for await (const row of readRows(path, kind, fileName, DEPARTMENT_LIMITS)) {
    if (done) continue;
    if (row.sheet !== sheet) {
      if (keys) {
        done = true; // one list per file: the first sheet that matched
        continue;
      }
      sheet = row.sheet;
      const mapped = mapDepartmentHeaders(type, row.values);
      if (mapped.keys.includes('idNumber') && mapped.missing.length === 0) keys = mapped.keys;
      else if (mapped.keys.includes('idNumber')) lastMissing = mapped.missing;
      continue;
    }
    if (!keys) continue;
    if (row.values.every((v) => normaliseText(v) === '')) continue;
    const cells: Record<string, unknown> = {};
    keys.forEach((k, i) => {
      if (k) cells[k] = row.values[i];
    });
    yield { rowNo: row.rowNo, cells };
  }
  if (!keys) {
    throw new FileRejectedError(lastMissing
      ? `名单缺少必填列：${lastMissing.join('、')}（请使用“${DEPARTMENT_LIST_TYPE_LABELS[type]}”的模板）`
      : `文件中没有“身份证号”列，请使用“${DEPARTMENT_LIST_TYPE_LABELS[type]}”的模板`);
  }
}
