import { Form, Select } from 'antd';
import { DISASTER_SUBTYPES, MAX_RISK_TYPES, MONITORING_CATEGORY, RISK_TYPES } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { caseLabelOptions, categoryLabel } from '../caseLabels';
import type { StepFormValues } from '../stepForm';

interface RiskTypeFieldsProps {
  /** The village proposes (拟定) at the home check; the county decides at approval. */
  mode: 'proposal' | 'decision';
}

/**
 * 监测对象类别 + 风险类型 (at most five) + 灾害类型, which appears only while 因自然灾害 is chosen.
 */
export function RiskTypeFields({ mode }: RiskTypeFieldsProps) {
  const { t, language } = useI18n();
  const form = Form.useFormInstance<StepFormValues>();
  const risks = Form.useWatch('riskTypes', form) ?? [];
  const disaster = risks.includes('natural_disaster');
  const required = mode === 'decision';
  return (
    <>
      <Form.Item
        name="category"
        label={mode === 'proposal' ? t('case.form.proposedCategory') : t('case.form.category')}
        rules={required ? [{ required: true, message: t('case.form.required') }] : []}
      >
        <Select
          allowClear={!required}
          options={MONITORING_CATEGORY.codes.map((code) => ({ value: code, label: categoryLabel(code, language) }))}
          data-testid="case-form-category"
        />
      </Form.Item>
      <Form.Item
        name="riskTypes"
        label={mode === 'proposal' ? t('case.form.proposedRiskTypes', { max: MAX_RISK_TYPES }) : t('case.form.riskTypes', { max: MAX_RISK_TYPES })}
        rules={[
          ...(required ? [{ required: true, type: 'array' as const, min: 1, message: t('case.form.required') }] : []),
          { type: 'array' as const, max: MAX_RISK_TYPES, message: t('case.form.maxRisks', { max: MAX_RISK_TYPES }) },
        ]}
      >
        <Select
          mode="multiple"
          maxCount={MAX_RISK_TYPES}
          allowClear
          options={caseLabelOptions('risk', RISK_TYPES, language)}
          data-testid="case-form-riskTypes"
        />
      </Form.Item>
      {disaster ? (
        <Form.Item
          name="disasterSubtype"
          label={t('case.form.disasterSubtype')}
          rules={required ? [{ required: true, message: t('case.form.required') }] : []}
        >
          <Select allowClear={!required} options={caseLabelOptions('disaster', DISASTER_SUBTYPES, language)} data-testid="case-form-disasterSubtype" />
        </Form.Item>
      ) : null}
    </>
  );
}
