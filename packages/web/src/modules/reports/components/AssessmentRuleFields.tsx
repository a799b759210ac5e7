import { Form, InputNumber, Select } from 'antd';
import {
  ASSESSMENT_INDICATOR_LABELS, ASSESSMENT_METHOD_LABELS, ASSESSMENT_METHODS, COUNT_INDICATORS, REFERENCE_KIND_LABELS, REFERENCE_KINDS, SHARE_INDICATORS,
  type AssessmentMethod, type AssessmentRule,
} from '@zengshou/core';
import { useI18n } from '../../i18n';
import { newRule } from '../reportParams';

const options = <T extends string>(codes: readonly T[], labels: Record<T, string>) => codes.map((value) => ({ value, label: labels[value] }));

const points = (value: number, set: (v: number) => void, testId?: string) => (
  <InputNumber min={0} max={100} step={0.1} value={value} onChange={(v) => set(v ?? 0)} data-testid={testId} />
);
const cap = (value: number | null, set: (v: number | null) => void) => <InputNumber min={0} max={100} step={0.5} value={value} onChange={(v) => set(v ?? null)} />;

/** The fields of one scoring rule; which fields show depends on its method. */
export function AssessmentRuleFields({ rule, onChange }: { rule: AssessmentRule; onChange: (rule: AssessmentRule) => void }) {
  const { t } = useI18n();
  return (
    <Form layout="inline" style={{ rowGap: 8 }}>
      <Form.Item label={t('reports.rules.method')}>
        <Select style={{ width: 300 }} value={rule.method} onChange={(m: AssessmentMethod) => onChange(newRule(m))} options={options(ASSESSMENT_METHODS, ASSESSMENT_METHOD_LABELS)} />
      </Form.Item>
      {rule.method === 'per_item' ? (
        <>
          <Form.Item label={t('reports.rules.indicator')}>
            <Select style={{ width: 180 }} value={rule.indicator} onChange={(indicator) => onChange({ ...rule, indicator })} options={options(COUNT_INDICATORS, ASSESSMENT_INDICATOR_LABELS)} />
          </Form.Item>
          <Form.Item label={t('reports.rules.pointsPerItem')}>{points(rule.pointsPerItem, (pointsPerItem) => onChange({ ...rule, pointsPerItem }))}</Form.Item>
          <Form.Item label={t('reports.rules.maxDeduction')}>{cap(rule.maxDeduction, (maxDeduction) => onChange({ ...rule, maxDeduction }))}</Form.Item>
        </>
      ) : (
        <Form.Item label={t('reports.rules.indicator')}>
          <Select style={{ width: 220 }} value={rule.indicator} onChange={(indicator) => onChange({ ...rule, indicator })} options={options(SHARE_INDICATORS, ASSESSMENT_INDICATOR_LABELS)} />
        </Form.Item>
      )}
      {rule.method === 'per_point_vs_reference' ? (
        <>
          <Form.Item label={t('reports.rules.worseWhen')}>
            <Select style={{ width: 170 }} value={rule.worseWhen} onChange={(worseWhen) => onChange({ ...rule, worseWhen })}
              options={[{ value: 'above', label: t('reports.rules.above') }, { value: 'below', label: t('reports.rules.below') }]} />
          </Form.Item>
          <Form.Item label={t('reports.rules.reference')}>
            <Select style={{ width: 190 }} value={rule.reference} onChange={(reference) => onChange({ ...rule, reference })} options={options(REFERENCE_KINDS, REFERENCE_KIND_LABELS)} />
          </Form.Item>
          <Form.Item label={t('reports.rules.pointsPerPoint')}>{points(rule.pointsPerPoint, (pointsPerPoint) => onChange({ ...rule, pointsPerPoint }), 'assessment-points-per-point')}</Form.Item>
          <Form.Item label={t('reports.rules.counting')}>
            <Select style={{ width: 140 }} value={rule.counting} onChange={(counting) => onChange({ ...rule, counting })}
              options={[{ value: 'exact', label: t('reports.rules.exact') }, { value: 'whole_points', label: t('reports.rules.wholePoints') }]} />
          </Form.Item>
          <Form.Item label={t('reports.rules.maxDeduction')}>{cap(rule.maxDeduction, (maxDeduction) => onChange({ ...rule, maxDeduction }))}</Form.Item>
        </>
      ) : null}
      {rule.method === 'threshold' ? (
        <>
          <Form.Item label={t('reports.rules.threshold')}>
            <InputNumber min={-1000} max={1000} step={1} value={Math.round(rule.threshold * 10_000) / 100} onChange={(v) => onChange({ ...rule, threshold: (v ?? 0) / 100 })} />
          </Form.Item>
          <Form.Item label={t('reports.rules.bonus')}>{points(rule.bonus, (bonus) => onChange({ ...rule, bonus }))}</Form.Item>
          <Form.Item label={t('reports.rules.penalty')}>{points(rule.penalty, (penalty) => onChange({ ...rule, penalty }))}</Form.Item>
        </>
      ) : null}
    </Form>
  );
}
