import type { LogicCheckConfig } from '@zengshou/core';

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
