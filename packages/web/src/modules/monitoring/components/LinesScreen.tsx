import { Card, Flex, Typography } from 'antd';
import { hasPermission, useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { useCurrentRegion, useRegionNames } from '../../regions';
import { FullPageSpin, LoadErrorResult, PageContainer } from '../../ui';
import { useMonitoringLines } from '../hooks/useMonitoringLines';
import { defaultLineYear } from '../lineForm';
import { LineForm } from './LineForm';
import { EffectiveLinesTable, LinesTable } from './LineTables';

/** 监测收入线: the line in force per year for the user's region, every line around it, and (managers) setting one. */
export function LinesScreen() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { scope } = useCurrentRegion();
  const lines = useMonitoringLines();
  const codes = [scope.code, ...(lines.data?.lines.map((l) => l.regionCode) ?? []), ...(lines.data?.effective.flatMap((e) => (e.line ? [e.line.regionCode] : [])) ?? [])];
  const names = useRegionNames(codes);
  const canManage = hasPermission(user, 'monitoring:manage');

  let body;
  if (lines.isPending) body = <FullPageSpin />;
  else if (lines.error) body = <LoadErrorResult message={lines.error.message} onRetry={() => void lines.refetch()} />;
  else
    body = (
      <Flex vertical gap={16}>
        <Card size="small" title={t('lines.effectiveTitle')}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('lines.effectiveHint')}
          </Typography.Paragraph>
          <EffectiveLinesTable effective={lines.data.effective} scopeCode={scope.code} names={names} />
        </Card>
        {canManage ? (
          <Card size="small" title={t('lines.form.title')}>
            <LineForm
              regionCode={scope.code}
              names={names}
              effective={lines.data.effective}
              initialYear={defaultLineYear(lines.data.effective, new Date().getFullYear())}
            />
          </Card>
        ) : null}
        <Card size="small" title={t('lines.allTitle')}>
          <LinesTable lines={lines.data.lines} names={names} />
        </Card>
      </Flex>
    );

  return (
    <PageContainer title={t('lines.title')} testId="lines-page">
      {body}
    </PageContainer>
  );
}
