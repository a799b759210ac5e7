import { useEffect, type ReactNode } from 'react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zh_CN from 'antd/locale/zh_CN';
import en_US from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useI18n } from '../useI18n';

const theme = { token: { colorPrimary: '#b5121b', borderRadius: 4 } };

/** Ant Design locale, dayjs locale and the document language follow the chosen UI language. */
export function LocalizedConfigProvider({ children }: { children: ReactNode }) {
  const { language, t } = useI18n();
  const zh = language === 'zh-CN';
  dayjs.locale(zh ? 'zh-cn' : 'en');

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.documentTitle');
  }, [language, t]);

  return (
    <ConfigProvider locale={zh ? zh_CN : en_US} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
