import { RequirePermission } from '../modules/auth';
import { SettingsScreen } from '../modules/settings';

export function SettingsPage() {
  return (
    <RequirePermission anyOf={['settings:manage']}>
      <SettingsScreen />
    </RequirePermission>
  );
}
