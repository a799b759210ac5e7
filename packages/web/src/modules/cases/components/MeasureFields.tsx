import { Form, Input, Select } from 'antd';
import { MEASURE_CATEGORIES, MEASURE_STATUSES, type CaseMeasure } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { caseLabel, caseLabelOptions } from '../caseLabels';
import { measureUpdateDefaults, openMeasures, type StepFormValues } from '../stepForm';
import { DateInput } from './DateInput';

/** 添加帮扶措施: category, owner (the contact cadre by default), planned date, amount in yuan. */
export function MeasureAddFields() {
  const { t, language } = useI18n();
  return (
    <>
      <Form.Item name="measureCategory" label={t('case.form.measureCategory')} rules={[{ required: true, message: t('case.form.required') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={caseLabelOptions('measure', MEASURE_CATEGORIES, language)} data-testid="case-form-measureCategory" />
      </Form.Item>
      <Form.Item name="owner" label={t('case.form.owner')} rules={[{ required: true, whitespace: true, message: t('case.form.required') }]}>
        <Input maxLength={100} data-testid="case-form-owner" />
      </Form.Item>
      <Form.Item name="plannedDate" label={t('case.form.plannedDate')} rules={[{ required: true, message: t('case.form.required') }]}>
        <DateInput testId="case-form-plannedDate" />
      </Form.Item>
      <Form.Item name="amountYuan" label={t('case.form.amount')}>
        <Input inputMode="decimal" suffix="元" maxLength={20} data-testid="case-form-amountYuan" />
      </Form.Item>
    </>
  );
}

/** 更新帮扶措施: which measure, its progress, and the completion date once done. */
export function MeasureUpdateFields({ measures, today }: { measures: readonly CaseMeasure[]; today: string }) {
  const { t, language } = useI18n();
  const form = Form.useFormInstance<StepFormValues>();
  const status = Form.useWatch('measureStatus', form);
  const open = openMeasures(measures);
  return (
    <>
      <Form.Item name="measureId" label={t('case.form.measure')} rules={[{ required: true, message: t('case.form.required') }]}>
        <Select
          options={open.map((m) => ({
            value: m.measureId,
            label: `${caseLabel('measure', m.category, language)} · ${m.owner} · ${caseLabel('measureStatus', m.status, language)}`,
          }))}
          // Choosing another measure moves the progress on from that measure's own status.
          onChange={(id: string) => form.setFieldsValue(measureUpdateDefaults(open.find((m) => m.measureId === id), today))}
          data-testid="case-form-measureId"
        />
      </Form.Item>
      <Form.Item name="measureStatus" label={t('case.form.measureStatus')} rules={[{ required: true, message: t('case.form.required') }]}>
        <Select options={caseLabelOptions('measureStatus', MEASURE_STATUSES, language)} data-testid="case-form-measureStatus" />
      </Form.Item>
      {status === 'done' ? (
        <Form.Item name="actualDate" label={t('case.form.actualDate')} rules={[{ required: true, message: t('case.form.required') }]}>
          <DateInput testId="case-form-actualDate" />
        </Form.Item>
      ) : null}
    </>
  );
}
