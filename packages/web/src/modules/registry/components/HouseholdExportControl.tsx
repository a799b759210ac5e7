import { useState } from 'react';
import { Checkbox, Space, Tooltip, Typography } from 'antd';
import { FileExcelOutlined, WarningOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { DownloadButton } from '../../ui';
import { exportUrl } from '../householdFilters';
import type { HouseholdFilters } from '../types';

interface HouseholdExportControlProps {
  filters: HouseholdFilters;
  region: string;
  /** Holder of personal:unmask may export full ID numbers; that export is audited. */
  canUnmask: boolean;
}

/** 导出 Excel of the filtered list; masked unless the user deliberately asks for full ID numbers. */
export function HouseholdExportControl({ filters, region, canUnmask }: HouseholdExportControlProps) {
  const { t } = useI18n();
  const [unmasked, setUnmasked] = useState(false);
  const full = canUnmask && unmasked;

  return (
    <Space wrap align="center">
      {canUnmask ? (
        <Tooltip title={t('household.export.unmaskedHint')}>
          <Checkbox checked={unmasked} onChange={(event) => setUnmasked(event.target.checked)} data-testid="households-export-unmasked">
            {t('household.export.unmasked')}
          </Checkbox>
        </Tooltip>
      ) : null}
      {full ? (
        <Typography.Text type="warning" data-testid="households-export-warning">
          <WarningOutlined /> {t('household.export.auditWarning')}
        </Typography.Text>
      ) : null}
      <DownloadButton
        url={exportUrl(filters, region, full)}
        fileName={t('household.export.fileName')}
        icon={<FileExcelOutlined />}
        testId="households-export"
      >
        {t('household.export.button')}
      </DownloadButton>
    </Space>
  );
}
