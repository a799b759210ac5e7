import { useState, type ReactNode } from 'react';
import { App, Button, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile, isApiError } from '../../api';
import { useI18n } from '../../i18n';

interface DownloadButtonProps {
  url: string;
  /** Used when the server does not name the file. */
  fileName: string;
  children: ReactNode;
  testId?: string;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
  disabled?: boolean;
  icon?: ReactNode;
}

/** A button that downloads a file from a GET, busy while it runs, with the server's message when refused. */
export function DownloadButton({ url, fileName, children, testId, type, size, disabled, icon }: DownloadButtonProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(url, fileName);
    } catch (error) {
      void message.error(isApiError(error) ? error.message : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      type={type}
      size={size}
      icon={icon ?? <DownloadOutlined />}
      loading={busy}
      disabled={disabled}
      onClick={() => void run()}
      data-testid={testId}
      data-href={url}
    >
      {children}
    </Button>
  );
}
