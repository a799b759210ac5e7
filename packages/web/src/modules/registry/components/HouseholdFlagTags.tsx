import { Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { FLAG_FIELDS, FLAG_LABEL_KEYS } from '../flags';
import type { ProblemFlagKey } from '../types';

interface HouseholdFlagTagsProps {
  flags: Record<ProblemFlagKey, boolean>;
  relocated?: boolean;
  /** Say "none" explicitly instead of leaving the cell empty. */
  showNone?: boolean;
}

/** The "two no-worries, three guarantees" problem flags that are set, as red tags; relocation as a neutral one. */
export function HouseholdFlagTags({ flags, relocated, showNone }: HouseholdFlagTagsProps) {
  const { t } = useI18n();
  const set = FLAG_FIELDS.filter((flag) => flags[flag]);
  if (set.length === 0 && !relocated) {
    return showNone ? <Typography.Text type="secondary">{t('household.flag.none')}</Typography.Text> : null;
  }
  return (
    <span data-flags={set.join(' ')}>
      {set.map((flag) => (
        <Tag key={flag} color="red" data-testid={`flag-${flag}`}>
          {t(FLAG_LABEL_KEYS[flag])}
        </Tag>
      ))}
      {relocated ? <Tag color="blue">{t('household.field.relocated')}</Tag> : null}
    </span>
  );
}
