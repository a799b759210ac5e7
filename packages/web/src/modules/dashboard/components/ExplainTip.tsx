import { Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';

/** The "what does this count" note of a figure: a hover or focus on the icon shows it (keyboard reachable). */
export function ExplainTip({ text, testId }: { text: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip title={text}>
      <QuestionCircleOutlined
        tabIndex={0}
        role="note"
        aria-label={`${t('dashboard.explainIcon')}：${text}`}
        data-testid={testId}
        style={{ color: '#8c8c8c', marginInlineStart: 6, cursor: 'help' }}
      />
    </Tooltip>
  );
}
