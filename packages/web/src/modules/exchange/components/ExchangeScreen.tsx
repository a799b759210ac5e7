import { Flex, Typography } from 'antd';
import { useCurrentUser, hasPermission } from '../../auth';
import { useI18n } from '../../i18n';
import { PageContainer } from '../../ui';
import { ExchangeExportCard } from './ExchangeExportCard';
import { ExchangeImportCard } from './ExchangeImportCard';

/** 国家系统格式交换: export for those who may export, import for those who may write the registry. */
export function ExchangeScreen() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  return (
    <PageContainer title={t('exchange.title')} testId="exchange-page">
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('exchange.intro')}</Typography.Paragraph>
        {hasPermission(user, 'registry:export') ? <ExchangeExportCard /> : null}
        {hasPermission(user, 'registry:write') ? <ExchangeImportCard /> : null}
      </Flex>
    </PageContainer>
  );
}
