import type { CaseConfig, LogicCheckConfig, WarningConfig, WarningRuleCatalogueEntry } from '@zengshou/core';

export interface SecuritySettings {
  passwordMinLength: number;
  /** How many of lower case / upper case / digit / symbol a password must contain (1–4). */
  passwordRequireClasses: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

export interface VersionedSettings {
  settings: SecuritySettings;
  version: number;
}

/** 逻辑校验 thresholds (amounts in fen, annual) and which rules run; edited in yuan. */
export interface VersionedLogicChecks {
  config: LogicCheckConfig;
  version: number;
}

/** 预警规则: thresholds (percentages as numbers, amounts in fen), each rule on or off, weights; the catalogue to list. */
export interface VersionedWarningSettings {
  config: WarningConfig;
  version: number;
  rules: WarningRuleCatalogueEntry[];
}

/** 案件办理时限: per-region overrides keyed by region code prefix (a nearer region wins), over core's defaults. */
export interface VersionedCaseSettings {
  version: number;
  regions: Record<string, Partial<CaseConfig>>;
  defaults: CaseConfig;
}
