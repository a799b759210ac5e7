import { Tabs } from 'antd';
import { useI18n } from '../../i18n';
import { FullPageSpin, LoadErrorResult, PageContainer } from '../../ui';
import { useSettings } from '../hooks/useSettings';
import { CaseSettingsTab } from './CaseSettingsTab';
import { LogicChecksTab } from './LogicChecksTab';
import { SettingsForm } from './SettingsForm';
import { WarningRulesTab } from './WarningRulesTab';

function SecurityTab() {
  const settings = useSettings();
  if (settings.isPending) return <FullPageSpin />;
  if (settings.error) return <LoadErrorResult message={settings.error.message} onRetry={() => void settings.refetch()} />;
  return <SettingsForm current={settings.data} onReload={async () => (await settings.refetch()).data} />;
}

/**
 * 系统设置 (all settings:manage): security settings, the thresholds of the income logic checks, the early-warning
 * rules, and the per-region deadlines of the case workflow. Each tab loads its own settings row when opened.
 */
export function SettingsScreen() {
  const { t } = useI18n();
  return (
    <PageContainer title={t('settings.title')} testId="settings-page">
      <Tabs
        defaultActiveKey="security"
        items={[
          { key: 'security', label: <span data-testid="settings-tab-security">{t('settings.tab.security')}</span>, children: <SecurityTab /> },
          {
            key: 'logic-checks',
            label: <span data-testid="settings-tab-logic-checks">{t('settings.tab.logicChecks')}</span>,
            children: <LogicChecksTab />,
          },
          {
            key: 'warnings',
            label: <span data-testid="settings-tab-warnings">{t('settings.tab.warnings')}</span>,
            children: <WarningRulesTab />,
          },
          {
            key: 'cases',
            label: <span data-testid="settings-tab-cases">{t('settings.tab.cases')}</span>,
            children: <CaseSettingsTab />,
          },
        ]}
      />
    </PageContainer>
  );
}
