import {
  assessmentRulesSchema, DEFAULT_ASSESSMENT_RULES, referenceName, scoreRegions, type AssessmentRules, type Dashboard, type DashboardChild,
  type IndicatorValues, type RegionLevel,
} from '@zengshou/core';
import type { Actor, AppDeps } from '../../platform/http/context.ts';
import type { Executor } from '../../platform/db/database.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../../platform/errors.ts';
import { insertSetting, readSetting, writeSetting } from '../settings/settings.repository.ts';
import { regionAddressedInScope, regionWithinScope } from '../registry/registry.service.ts';
import type { DashboardSource } from './reports.service.ts';
import * as repo from './reports.repository.ts';

/** Settings key: the scoring rules per region code, each applied when that region's children are assessed. */
export const ASSESSMENT_KEY = 'assessment';

interface StoredRules {
  version: number;
  regions: Record<string, AssessmentRules>;
}

/** A stored rule set the schema no longer accepts is left out, so the region falls back to its parent's or the defaults. */
async function readRules(orm: Executor): Promise<StoredRules> {
  const stored = await readSetting<{ regions?: Record<string, unknown> }>(orm, ASSESSMENT_KEY);
  const regions: Record<string, AssessmentRules> = {};
  for (const [code, value] of Object.entries(stored?.value.regions ?? {})) {
    const parsed = assessmentRulesSchema.safeParse(value);
    if (parsed.success) regions[code] = parsed.data as AssessmentRules;
  }
  return { version: stored?.version ?? 0, regions };
}

/** The region's own rules, or the nearest ancestor's, or the defaults (seed 002's rule). */
function rulesFor(regions: Record<string, AssessmentRules>, code: string): { rules: AssessmentRules; setFor: string | null } {
  const owner = Object.keys(regions).filter((p) => code.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  return owner ? { rules: regions[owner]!, setFor: owner } : { rules: DEFAULT_ASSESSMENT_RULES as AssessmentRules, setFor: null };
}

const reached = (projected: number | null, target: number | null) => (projected !== null && target !== null && target > 0 ? projected / target : null);

function childValues(c: DashboardChild): IndicatorValues {
  return {
    business_fell_share: c.businessFellShare, income_fell_share: c.incomeFellShare, growth_rate: c.growthRate,
    target_reached: reached(c.projectedPerCapitaNetFen, c.targetPerCapitaNetFen), cases_overdue: c.casesOverdue, warnings_open: c.warningsOpen,
  };
}

function parentValues(d: Dashboard): IndicatorValues {
  return {
    business_fell_share: d.income.businessFellShare, income_fell_share: d.income.incomeFellShare, growth_rate: d.income.growthRate,
    target_reached: d.gap?.reachedShare ?? null, cases_overdue: d.cases.overdue, warnings_open: d.warnings.open,
  };
}

export class AssessmentService {
  constructor(
    private readonly deps: AppDeps,
    private readonly dashboards: DashboardSource,
  ) {}

  private async regionOf(code: string) {
    const row = await repo.regionName(this.deps.db.orm, code);
    if (!row) throw new NotFoundError('地区不存在');
    return row;
  }

  /** The rules that score the children of a region, where they were set, and the stored setting's version. */
  async rules(actor: Actor, requested: string | undefined) {
    // The rules are addressed by their region, like a record: a parent's are not the caller's to read (404, as in the PUT).
    const region = await this.regionOf(requested === undefined ? actor.scope : regionAddressedInScope(actor, requested));
    const stored = await readRules(this.deps.db.orm);
    const { rules, setFor } = rulesFor(stored.regions, region.code);
    const owner = setFor ? await this.regionOf(setFor) : null;
    return {
      region: { code: region.code, name: region.name, level: region.level },
      rules,
      setFor: owner ? { code: owner.code, name: owner.name } : null,
      own: setFor === region.code,
      version: stored.version,
      defaults: DEFAULT_ASSESSMENT_RULES,
    };
  }

  /** Sets (or with null, removes) a region's own rules; a region outside the caller's scope is not found. */
  async updateRules(actor: Actor, ip: string, input: { version: number; region: string; rules: AssessmentRules | null }) {
    await this.regionOf(regionAddressedInScope(actor, input.region));
    if (input.rules !== null) {
      const parsed = assessmentRulesSchema.safeParse(input.rules);
      if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join('；'));
    }
    const saved = await this.deps.db.transaction(async (tx) => {
      const before = await readRules(tx.orm);
      if (before.version !== input.version) return false;
      const regions = { ...before.regions };
      if (input.rules === null) delete regions[input.region];
      else regions[input.region] = input.rules;
      const ok = input.version === 0 ? await insertSetting(tx.orm, ASSESSMENT_KEY, { regions }) : await writeSetting(tx.orm, ASSESSMENT_KEY, { regions }, input.version);
      if (!ok) return false;
      await this.deps.audit.append(tx, {
        action: 'settings.update', outcome: 'success', actor, ip, regionCode: input.region, entity: 'settings', entityId: ASSESSMENT_KEY,
        before: before.regions[input.region] ?? null, after: input.rules,
      });
      return true;
    });
    if (!saved) throw new VersionConflictError(await this.rules(actor, input.region));
    return this.rules(actor, input.region);
  }

  /** Quarterly assessment (季度考核) of the region's children, scored by the rules in force and ranked. */
  async assess(actor: Actor, query: { region?: string | undefined; year: number; quarter: number }) {
    const region = await this.regionOf(regionWithinScope(actor, query.region));
    const [dashboard, stored] = await Promise.all([
      this.dashboards.build(actor, { region: region.code, year: query.year, quarter: query.quarter }),
      readRules(this.deps.db.orm),
    ]);
    const { rules, setFor } = rulesFor(stored.regions, region.code);
    const parent = { level: region.level as RegionLevel, values: parentValues(dashboard) };
    const scores = scoreRegions(rules, dashboard.children.map((c) => ({ code: c.code, name: c.name, values: childValues(c) })), parent);
    return {
      region: { code: region.code, name: region.name, level: region.level },
      year: query.year,
      quarter: query.quarter,
      generatedAt: this.deps.clock.now().toISOString(),
      rules,
      rulesSetFor: setFor,
      referenceLabel: referenceName(parent.level),
      reference: parent.values,
      scores,
    };
  }
}

export type AssessmentReport = Awaited<ReturnType<AssessmentService['assess']>>;
