import type { HouseholdCreateInput, HouseholdUpdateInput, MemberCreateInput, MemberUpdateInput } from '@zengshou/core';
import { validateIdNumber } from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import { mapDatabaseError, NotFoundError, UniqueViolationError, ValidationError, VersionConflictError } from '../../platform/errors.ts';
import { findCurrentRegion } from '../regions/regions.repository.ts';
import * as households from './households.repository.ts';
import * as members from './members.repository.ts';
import { presentHousehold, presentMember } from './registry.presenter.ts';

const ONE_HOUSEHOLD_MESSAGE = '该身份证号已登记在其他家庭中，一人只能属于一户；如需迁移请在原户办理';

/** Narrows a requested region to the caller's scope; a region outside it is not found. */
/**
 * A region addressed as a record (its target, its scoring rules), not as a list filter: outside the caller's scope —
 * a parent included — it is not found, like a missing one.
 */
export function regionAddressedInScope(actor: Actor, region: string): string {
  if (!region.startsWith(actor.scope)) throw new NotFoundError('地区不存在');
  return region;
}

export function regionWithinScope(actor: Actor, region: string | undefined): string {
  if (!region) return actor.scope;
  if (region.startsWith(actor.scope)) return region;
  if (actor.scope.startsWith(region)) return actor.scope; // asked for a parent: show what the caller may see
  throw new NotFoundError('地区不存在');
}

function toWrite(input: HouseholdCreateInput): households.HouseholdWrite {
  return {
    householdNo: input.householdNo,
    villageCode: input.villageCode,
    address: input.address ?? '',
    householdType: input.householdType,
    assistanceStatus: input.assistanceStatus ?? 'none',
    relocated: input.relocated ?? false,
    phone: input.phone ?? null,
    unsafeHousing: input.unsafeHousing ?? false,
    unsafeWater: input.unsafeWater ?? false,
    schoolDropout: input.schoolDropout ?? false,
    uninsuredMember: input.uninsuredMember ?? false,
  };
}

function memberWrite(input: MemberCreateInput | (MemberUpdateInput & { idNumber: string; name: string })): members.MemberWrite {
  const id = validateIdNumber(input.idNumber);
  if (!id.ok) throw new ValidationError(id.message);
  return {
    idNumber: id.value,
    name: input.name,
    sex: id.sex,
    birthDate: id.birthDate,
    relation: input.relation ?? 'other',
    labourCapacity: input.labourCapacity ?? 'normal',
    health: input.health ?? 'healthy',
    disabilityGrade: input.disabilityGrade ?? null,
    schooling: input.schooling ?? null,
    schoolingStatus: input.schoolingStatus ?? null,
    employmentStatus: input.employmentStatus ?? null,
    employmentPlace: input.employmentPlace ?? null,
    skills: input.skills ?? null,
  };
}

export class RegistryService {
  constructor(private readonly deps: AppDeps) {}

  async list(actor: Actor, filter: Omit<households.HouseholdFilter, 'region'> & { region?: string | undefined }, page: number, pageSize: number) {
    const f = { ...filter, region: regionWithinScope(actor, filter.region) };
    const { orm } = this.deps.db;
    const [rows, total] = await Promise.all([households.listHouseholds(orm, f, pageSize, (page - 1) * pageSize), households.countHouseholds(orm, f)]);
    return { items: rows.map(presentHousehold), total };
  }

  async household(actor: Actor, id: string) {
    const h = await households.findHousehold(this.deps.db.orm, actor.scope, id);
    if (!h) throw new NotFoundError('农户不存在');
    return h;
  }

  async detail(actor: Actor, id: string) {
    const h = await this.household(actor, id);
    const { orm } = this.deps.db;
    const [memberRows, assistance, moves] = await Promise.all([
      members.membersOf(orm, h.county_code, h.id),
      households.assistanceHistory(orm, h.county_code, h.id),
      members.memberMoves(orm, h.county_code, h.id),
    ]);
    return {
      household: presentHousehold(h),
      members: memberRows.map(presentMember),
      assistanceHistory: assistance,
      memberMoves: moves.map((m) => ({ ...m, moved_at: m.moved_at.toISOString() })),
    };
  }

  async create(actor: Actor, ip: string, input: HouseholdCreateInput) {
    await this.checkVillage(actor, input.villageCode);
    const write = toWrite(input);
    try {
      return await this.deps.db.transaction(async (tx) => {
        const row = await households.insertHousehold(tx.orm, write);
        if (!row) throw new Error('insert returned nothing');
        const today = this.deps.clock.now().toISOString().slice(0, 10);
        await households.recordAssistanceChange(tx.orm, row.county_code, row.id, write.assistanceStatus, today, 'form');
        await this.deps.audit.append(tx, {
          action: 'household.create', outcome: 'success', actor, ip, regionCode: write.villageCode,
          entity: 'household', entityId: row.id, after: { ...write, phone: write.phone ? '(已填写)' : null },
        });
        return row.id;
      });
    } catch (error) {
      if (error instanceof UniqueViolationError) throw new UniqueViolationError(`户编号 ${input.householdNo} 已存在`);
      throw error;
    }
  }

  async update(actor: Actor, ip: string, id: string, input: HouseholdUpdateInput) {
    const current = await this.household(actor, id);
    const next: households.HouseholdWrite = {
      householdNo: input.householdNo ?? current.household_no,
      villageCode: input.villageCode ?? current.village_code,
      address: input.address ?? current.address,
      householdType: input.householdType ?? current.household_type,
      assistanceStatus: input.assistanceStatus ?? current.assistance_status,
      relocated: input.relocated ?? current.relocated,
      phone: input.phone === undefined ? current.phone : input.phone,
      unsafeHousing: input.unsafeHousing ?? current.unsafe_housing,
      unsafeWater: input.unsafeWater ?? current.unsafe_water,
      schoolDropout: input.schoolDropout ?? current.school_dropout,
      uninsuredMember: input.uninsuredMember ?? current.uninsured_member,
    };
    if (next.villageCode !== current.village_code) {
      await this.checkVillage(actor, next.villageCode);
      if (next.villageCode.slice(0, 6) !== current.county_code) throw new ValidationError('跨县迁移请通过迁出、迁入办理');
    }
    const ok = await this.deps.db.transaction(async (tx) => {
      const row = await households.updateHousehold(tx.orm, actor.scope, id, input.version, next, this.deps.clock.now());
      if (!row) return false;
      if (next.assistanceStatus !== current.assistance_status) {
        const today = this.deps.clock.now().toISOString().slice(0, 10);
        await households.recordAssistanceChange(tx.orm, current.county_code, id, next.assistanceStatus, today, 'form');
      }
      await this.deps.audit.append(tx, {
        action: 'household.update', outcome: 'success', actor, ip, regionCode: next.villageCode, entity: 'household', entityId: id,
        before: auditView(current), after: auditView({ ...current, ...snake(next) }),
      });
      return true;
    });
    if (!ok) {
      const latest = await this.household(actor, id);
      throw new VersionConflictError(presentHousehold(latest));
    }
    return presentHousehold(await this.household(actor, id));
  }

  async addMember(actor: Actor, ip: string, input: MemberCreateInput) {
    const h = await this.household(actor, input.householdId);
    const write = memberWrite(input);
    await this.ensureIdNumberFree(write.idNumber);
    return this.deps.db.transaction(async (tx) => {
      const row = await members.insertMember(tx.orm, h.county_code, h.id, write).catch((error: unknown) => {
        // Two clerks adding the same person at once: the unique index decides, the loser gets the same message.
        throw mapDatabaseError(error) instanceof UniqueViolationError ? new UniqueViolationError(ONE_HOUSEHOLD_MESSAGE) : error;
      });
      await households.refreshMemberCounts(tx.orm, h.county_code, [h.id]);
      await this.deps.audit.append(tx, {
        action: 'member.create', outcome: 'success', actor, ip, regionCode: h.village_code, entity: 'member', entityId: row!.id,
        after: { householdId: h.id, name: write.name, idNumber: '(已登记)', relation: write.relation },
      });
      return row!.id;
    });
  }

  async updateMember(actor: Actor, ip: string, id: string, input: MemberUpdateInput) {
    const current = await members.findMember(this.deps.db.orm, actor.scope, id);
    if (!current) throw new NotFoundError('成员不存在');
    const write = memberWrite({
      idNumber: input.idNumber ?? current.id_number,
      name: input.name ?? current.name,
      relation: input.relation ?? current.relation,
      labourCapacity: input.labourCapacity ?? current.labour_capacity,
      health: input.health ?? current.health,
      disabilityGrade: input.disabilityGrade === undefined ? current.disability_grade : input.disabilityGrade,
      schooling: input.schooling === undefined ? current.schooling : input.schooling,
      schoolingStatus: input.schoolingStatus === undefined ? current.schooling_status : input.schoolingStatus,
      employmentStatus: input.employmentStatus === undefined ? current.employment_status : input.employmentStatus,
      employmentPlace: input.employmentPlace === undefined ? current.employment_place : input.employmentPlace,
      skills: input.skills === undefined ? current.skills : input.skills,
      version: input.version,
    } as MemberUpdateInput & { idNumber: string; name: string });
    if (write.idNumber !== current.id_number) await this.ensureIdNumberFree(write.idNumber);
    const ok = await this.deps.db.transaction(async (tx) => {
      const row = await members.updateMember(tx.orm, current.county_code, id, input.version, write, this.deps.clock.now());
      if (!row) return false;
      await this.deps.audit.append(tx, {
        action: 'member.update', outcome: 'success', actor, ip, regionCode: current.village_code, entity: 'member', entityId: id,
        before: memberAudit(current), after: memberAudit({ ...current, ...write }),
      });
      return true;
    });
    if (!ok) {
      const latest = await members.findMember(this.deps.db.orm, actor.scope, id);
      throw new VersionConflictError(latest ? presentMember(latest) : null);
    }
  }

  async moveMember(actor: Actor, ip: string, id: string, input: { toHouseholdId: string; version: number; reason: string }) {
    const current = await members.findMember(this.deps.db.orm, actor.scope, id);
    if (!current) throw new NotFoundError('成员不存在');
    const target = await this.household(actor, input.toHouseholdId);
    if (target.id === current.household_id) throw new ValidationError('成员已在该户');
    if (target.county_code !== current.county_code) throw new ValidationError('跨县迁移请通过迁出、迁入办理');
    const ok = await this.deps.db.transaction(async (tx) => {
      const row = await members.moveMember(tx.orm, {
        countyCode: current.county_code, id, version: input.version, from: current.household_id, to: target.id,
        reason: input.reason, by: actor.userId, at: this.deps.clock.now(),
      });
      if (!row) return false;
      await households.refreshMemberCounts(tx.orm, current.county_code, [current.household_id, target.id]);
      await this.deps.audit.append(tx, {
        action: 'member.move', outcome: 'success', actor, ip, regionCode: target.village_code, entity: 'member', entityId: id,
        before: { householdId: current.household_id }, after: { householdId: target.id }, detail: { reason: input.reason },
      });
      return true;
    });
    if (!ok) throw new VersionConflictError(presentMember((await members.findMember(this.deps.db.orm, actor.scope, id))!));
  }

  /** Full ID numbers and phone of one household, for a role allowed to see them; every call is audited. */
  async unmask(actor: Actor, ip: string, householdId: string, reason: string) {
    const h = await this.household(actor, householdId);
    const rows = await members.membersOf(this.deps.db.orm, h.county_code, h.id);
    await this.deps.audit.appendStandalone({
      action: 'personal.unmask', outcome: 'success', actor, ip, regionCode: h.village_code, entity: 'household', entityId: h.id,
      detail: { reason, fields: ['idNumber', 'phone'], members: rows.length },
    });
    return { phone: h.phone, members: rows.map((m) => ({ id: m.id, name: m.name, idNumber: m.id_number, birthDate: m.birth_date })) };
  }

  private async checkVillage(actor: Actor, villageCode: string) {
    if (!villageCode.startsWith(actor.scope)) throw new ValidationError('所选村不在您的管辖范围内');
    const region = await findCurrentRegion(this.deps.db.orm, villageCode);
    if (!region || region.level !== 'village') throw new ValidationError(`村级区划代码 ${villageCode} 不存在或已停用`);
  }

  private async ensureIdNumberFree(idNumber: string) {
    const existing = await members.existingIdNumbers(this.deps.db.orm, [idNumber]);
    // Said without naming the other household: it may be outside the caller's scope.
    if (existing.length > 0) throw new UniqueViolationError(ONE_HOUSEHOLD_MESSAGE);
  }
}

function auditView(h: households.HouseholdRow) {
  return {
    householdNo: h.household_no, villageCode: h.village_code, address: h.address, householdType: h.household_type,
    assistanceStatus: h.assistance_status, relocated: h.relocated, phone: h.phone ? '(已填写)' : null,
    unsafeHousing: h.unsafe_housing, unsafeWater: h.unsafe_water, schoolDropout: h.school_dropout, uninsuredMember: h.uninsured_member,
  };
}

function snake(w: households.HouseholdWrite): Partial<households.HouseholdRow> {
  return {
    household_no: w.householdNo, village_code: w.villageCode, address: w.address, household_type: w.householdType,
    assistance_status: w.assistanceStatus, relocated: w.relocated, phone: w.phone, unsafe_housing: w.unsafeHousing,
    unsafe_water: w.unsafeWater, school_dropout: w.schoolDropout, uninsured_member: w.uninsuredMember,
  };
}

/** Audit keeps what changed without copying ID numbers into yet another table. */
function memberAudit(m: { name: string; relation: string; labour_capacity?: string; labourCapacity?: string; health: string }) {
  return { name: m.name, relation: m.relation, labourCapacity: m.labour_capacity ?? m.labourCapacity, health: m.health };
}
