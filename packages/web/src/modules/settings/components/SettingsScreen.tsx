import { useI18n } from '../../i18n';
import { FullPageSpin, LoadErrorResult, PageContainer } from '../../ui';
import { useSettings } from '../hooks/useSettings';
import { SettingsForm } from './SettingsForm';

export function SettingsScreen() {
  const { t } = useI18n();
  const settings = useSettings();

  let body;
  if (settings.isPending) body = <FullPageSpin />;
  else if (settings.error) body = <LoadErrorResult message={settings.error.message} onRetry={() => void settings.refetch()} />;
  else body = <SettingsForm current={settings.data} onReload={async () => (await settings.refetch()).data} />;

  return (
    <PageContainer title={t('settings.title')} testId="settings-page">
      {body}
    </PageContainer>
  );
}
