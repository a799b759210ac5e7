import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../useI18n';

/** Toggles between the two locales; the label names the language you switch *to*. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const next = language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLanguage(next)}
      data-testid="language-switch"
      aria-label={t('language.switch')}
      className="header-action"
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
