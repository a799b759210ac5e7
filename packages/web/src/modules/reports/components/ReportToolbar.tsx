import { Button, Space } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { DownloadButton } from '../../ui';
import { printPath, xlsxUrl } from '../reportParams';
import type { ReportKind, ReportParams } from '../types';

/** 导出 Excel (audited on the server) and 打印 (the print page in a new tab, A4). */
export function ReportToolbar({ kind, params, disabled }: { kind: ReportKind; params: ReportParams; disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <DownloadButton url={xlsxUrl(kind, params)} fileName={`${kind}.xlsx`} icon={<FileExcelOutlined />} disabled={disabled} testId={`report-${kind}-export`}>
        {t('reports.export')}
      </DownloadButton>
      <Button icon={<PrinterOutlined />} disabled={disabled} onClick={() => window.open(printPath(kind, params), '_blank', 'noopener')} data-testid={`report-${kind}-print`}>
        {t('reports.print')}
      </Button>
    </Space>
  );
}
