export * from './roles.ts';
export * from './password-policy.ts';
export * from './canonical-json.ts';
export * from './security-settings.ts';
export * from './user-schemas.ts';
