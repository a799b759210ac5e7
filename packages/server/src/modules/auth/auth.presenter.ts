import type { Actor } from '../../platform/http/context.ts';

export function presentMe(actor: Actor, regionName: string) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    regionCode: actor.scope,
    regionName,
    permissions: [...actor.permissions].sort(),
    mustChangePassword: actor.mustChangePassword,
  };
}
