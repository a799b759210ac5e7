import { Alert, Card, Flex, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { DownloadButton } from '../../ui';
import { exportFileName, exportIsMasked, exportUrl } from '../exchangeView';

/** Export of the region chosen in the region tree; says up front whether the file will be masked. */
export function ExchangeExportCard() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { region } = useCurrentRegion();
  const masked = exportIsMasked(user?.permissions ?? []);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Card title={t('exchange.export.title')} data-testid="exchange-export">
      <Flex vertical gap={12}>
        <Typography.Text>{t('exchange.export.region', { region: region.name })}</Typography.Text>
        <Alert type={masked ? 'warning' : 'info'} showIcon title={t(masked ? 'exchange.export.masked' : 'exchange.export.unmasked')} data-testid="exchange-export-masking" />
        <div>
          <DownloadButton url={exportUrl(region.code)} fileName={exportFileName(region.name, today)} type="primary" icon={<FileExcelOutlined />} testId="exchange-export-button">
            {t('exchange.export.button')}
          </DownloadButton>
        </div>
      </Flex>
    </Card>
  );
}
