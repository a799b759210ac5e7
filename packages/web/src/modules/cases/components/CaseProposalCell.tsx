import { Typography } from 'antd';
import { useI18n } from '../../i18n';
import { caseLabel, categoryLabel, parenthetical, riskTypesLabel } from '../caseLabels';
import type { CaseSummary } from '../types';

/** The county's decision once made, else the village's proposal (marked 拟), else nothing. */
export function CaseProposalCell({ item }: { item: Pick<CaseSummary, 'category' | 'riskTypes' | 'proposal'> }) {
  const { t, language } = useI18n();
  const decided = item.category !== null;
  const category = decided ? item.category : (item.proposal?.category ?? null);
  const risks = decided ? item.riskTypes : (item.proposal?.riskTypes ?? []);
  const subtype = decided ? null : (item.proposal?.disasterSubtype ?? null);
  if (!category && risks.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div style={{ fontSize: 13, minWidth: 140 }} data-testid="case-proposal">
      <Typography.Text type={decided ? undefined : 'secondary'}>{decided ? t('cases.categoryPrefix') : t('cases.proposalPrefix')}</Typography.Text>
      {categoryLabel(category, language)}
      {risks.length ? <div>{riskTypesLabel(risks, language)}{parenthetical(caseLabel('disaster', subtype, language), language)}</div> : null}
    </div>
  );
}
