import {
  DEFAULT_SECURITY_SETTINGS,
  securitySettingsSchema,
  WARNING_RULE_CATALOGUE,
  WARNING_RULE_IDS,
  warningConfigSchema,
  type LogicCheckConfig,
  type PasswordPolicy,
  type SecuritySettings,
  type WarningConfig,
} from '@zengshou/core';
import type { AppDeps, Actor } from '../../platform/http/context.ts';
import { VersionConflictError } from '../../platform/errors.ts';
import { readSetting, writeSetting } from './settings.repository.ts';
import { LOGIC_CHECKS_KEY, logicCheckConfig } from '../income/logic-check-config.ts';
import { WARNINGS_KEY } from '../monitoring/monitoring.service.ts';

const KEY = 'security';
const CACHE_MS = 5_000;

/** Security settings are read on every request (session timeouts), so they are cached briefly in memory. */
export class SettingsService {
  private cached: { at: number; value: SecuritySettings; version: number } | null = null;

  constructor(private readonly deps: AppDeps) {}

  async security(): Promise<{ settings: SecuritySettings; version: number }> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < CACHE_MS) return { settings: this.cached.value, version: this.cached.version };
    const stored = await readSetting<unknown>(this.deps.db.orm, KEY);
    // Stored values are merged over the defaults so a setting added in a later release has a value at once.
    const parsed = securitySettingsSchema.safeParse({ ...DEFAULT_SECURITY_SETTINGS, ...(stored?.value as object) });
    const value = parsed.success ? parsed.data : DEFAULT_SECURITY_SETTINGS;
    this.cached = { at: now, value, version: stored?.version ?? 0 };
    return { settings: value, version: this.cached.version };
  }

  async passwordPolicy(): Promise<PasswordPolicy> {
    const { settings } = await this.security();
    return { minLength: settings.passwordMinLength, requireClasses: settings.passwordRequireClasses };
  }

  async logicChecks() {
    return logicCheckConfig(this.deps.db.orm);
  }

  /** New thresholds apply to records saved or imported from now on; stored records keep the checks they had. */
  async updateLogicChecks(actor: Actor, ip: string, version: number, next: LogicCheckConfig) {
    const current = await this.logicChecks();
    const saved = await this.deps.db.transaction(async (tx) => {
      if (!(await writeSetting(tx.orm, LOGIC_CHECKS_KEY, next, version))) return false;
      await this.deps.audit.append(tx, {
        action: 'settings.update', outcome: 'success', actor, ip, entity: 'settings', entityId: LOGIC_CHECKS_KEY,
        before: current.config, after: next,
      });
      return true;
    });
    if (!saved) throw new VersionConflictError(await this.logicChecks());
    return this.logicChecks();
  }

  /**
   * The warning thresholds in force — the stored values over core's defaults, every rule's switch spelled out,
   * weights as stored (a missing one is 1) — with the row's version and the rule catalogue the screen lists.
   * A stored value the schema no longer accepts is shown as the defaults, so the administrator can save over it.
   */
  async warnings() {
    const stored = await readSetting<unknown>(this.deps.db.orm, WARNINGS_KEY);
    const parsed = warningConfigSchema.safeParse(stored?.value ?? {});
    const config = (parsed.success ? parsed.data : warningConfigSchema.parse({})) as WarningConfig;
    return {
      config: {
        ...config,
        enabled: Object.fromEntries(WARNING_RULE_IDS.map((id) => [id, config.enabled[id] !== false])) as WarningConfig['enabled'],
        weights: { ...config.weights },
      },
      version: stored?.version ?? 1,
      rules: WARNING_RULE_CATALOGUE,
    };
  }

  /** New thresholds apply at the next evaluation (重新研判); open warnings keep their explanation until then. */
  async updateWarnings(actor: Actor, ip: string, version: number, next: WarningConfig) {
    const current = await this.warnings();
    const saved = await this.deps.db.transaction(async (tx) => {
      if (!(await writeSetting(tx.orm, WARNINGS_KEY, next, version))) return false;
      await this.deps.audit.append(tx, {
        action: 'settings.update', outcome: 'success', actor, ip, entity: 'settings', entityId: WARNINGS_KEY,
        before: current.config, after: next,
      });
      return true;
    });
    if (!saved) throw new VersionConflictError(await this.warnings());
    return this.warnings();
  }

  async updateSecurity(actor: Actor, ip: string, version: number, next: SecuritySettings) {
    const current = await this.security();
    const saved = await this.deps.db.transaction(async (tx) => {
      const ok = await writeSetting(tx.orm, KEY, next, version);
      if (!ok) return false;
      await this.deps.audit.append(tx, {
        action: 'settings.update',
        outcome: 'success',
        actor,
        ip,
        entity: 'settings',
        entityId: KEY,
        before: current.settings,
        after: next,
      });
      return true;
    });
    this.cached = null;
    if (!saved) throw new VersionConflictError(await this.security());
    return this.security();
  }
}
