import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n';

/** Errors and warnings of the latest income record's logic checks. */
export function CheckCountTags({ errors, warnings }: { errors: number; warnings: number }) {
  const { t } = useI18n();
  if (errors === 0 && warnings === 0) {
    return (
      <Tag color="green" data-testid="checks-ok">
        {t('household.checks.ok')}
      </Tag>
    );
  }
  return (
    <Tooltip title={t('household.checks.hint')}>
      <span data-errors={errors} data-warnings={warnings}>
        {errors > 0 ? (
          <Tag color="red" data-testid="checks-errors">
            {t('household.checks.errors', { count: errors })}
          </Tag>
        ) : null}
        {warnings > 0 ? (
          <Tag color="gold" data-testid="checks-warnings">
            {t('household.checks.warnings', { count: warnings })}
          </Tag>
        ) : null}
      </span>
    </Tooltip>
  );
}
