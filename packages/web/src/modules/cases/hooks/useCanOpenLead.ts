import { CASE_STEP_ROLES } from '@zengshou/core';
import { useCurrentUser } from '../../auth';

/** Whether the signed-in user's roles may open a lead (core's CASE_STEP_ROLES: village clerk or county). */
export function useCanOpenLead(): boolean {
  const { user } = useCurrentUser();
  return CASE_STEP_ROLES.lead_opened.some((role) => user?.roles.includes(role) ?? false);
}
