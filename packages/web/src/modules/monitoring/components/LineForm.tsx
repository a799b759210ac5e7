import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { formatYuan, LINE_METHODS } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { fieldErrorsFromServer, showFieldErrors } from '../../ui';
import { useSaveMonitoringLine } from '../hooks/useMonitoringLines';
import { effectiveFen, isStillAdopted, lineRequestBody, yuanText, type LineFormValues, type Proposal } from '../lineForm';
import { lineMethodLabel } from '../monitoringLabels';
import type { EffectiveLine } from '../types';
import { LineProposalPanel } from './LineProposalPanel';
import { regionText } from './LineTables';

interface LineFormProps {
  /** The user's own scope: the only region this form sets a line for. */
  regionCode: string;
  names: ReadonlyMap<string, string>;
  effective: EffectiveLine[];
  initialYear: number;
}

/**
 * 设定监测收入线 for the user's own region, with the proposal helper beside it. The server judges the amount
 * (not below the region above, not below last year's) and its Chinese message is shown as is.
 */
export function LineForm({ regionCode, names, effective, initialYear }: LineFormProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LineFormValues>();
  const save = useSaveMonitoringLine();
  const [adopted, setAdopted] = useState<Proposal | null>(null);
  const year = Form.useWatch('year', form) ?? initialYear;
  const amountYuan = Form.useWatch('amountYuan', form);
  const method = Form.useWatch('method', form);
  const current = effective.find((e) => e.year === year)?.line ?? null;
  const stillAdopted = isStillAdopted({ amountYuan, method }, adopted);

  const adopt = (proposal: Proposal) => {
    setAdopted(proposal);
    form.setFieldsValue({ amountYuan: yuanText(proposal.amountFen), method: proposal.method });
    void form.validateFields(['amountYuan']);
  };

  const submit = (values: LineFormValues) =>
    save.mutate(lineRequestBody(values, regionCode, adopted), {
      onSuccess: () => void message.success(t('lines.form.saved', { year: values.year })),
      onError: (error) => showFieldErrors(form, fieldErrorsFromServer(error)),
    });

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={12}>
        <Form<LineFormValues>
          form={form}
          layout="vertical"
          initialValues={{ year: initialYear, method: 'manual' }}
          onFinish={submit}
          onValuesChange={() => {
            if (save.error) save.reset();
          }}
          data-testid="line-form"
        >
          <Form.Item label={t('lines.form.region')}>
            <Typography.Text data-testid="line-region">{regionText(regionCode, names)}</Typography.Text>
          </Form.Item>
          <Form.Item name="year" label={t('lines.form.year')} rules={[{ required: true, message: t('lines.form.yearRequired') }]}>
            <InputNumber min={2020} max={2100} precision={0} style={{ width: 160 }} data-testid="line-year" />
          </Form.Item>
          <Typography.Paragraph type="secondary" data-testid="line-current">
            {current
              ? t('lines.form.current', { year, amount: formatYuan(current.amountFen), source: regionText(current.regionCode, names) })
              : t('lines.form.currentNone', { year })}
          </Typography.Paragraph>
          <Form.Item name="amountYuan" label={t('lines.form.amount')} rules={[{ required: true, whitespace: true, message: t('lines.form.amountRequired') }]}>
            <Input inputMode="decimal" placeholder={t('lines.form.amountPlaceholder')} style={{ width: 240 }} suffix="元" data-testid="line-amount" />
          </Form.Item>
          <Form.Item name="method" label={t('lines.form.method')}>
            <Select
              style={{ width: 360, maxWidth: '100%' }}
              options={LINE_METHODS.map((m) => ({ value: m, label: lineMethodLabel(m, language) }))}
              data-testid="line-method"
            />
          </Form.Item>
          {stillAdopted ? <Alert type="info" showIcon title={t('lines.form.adopted')} style={{ marginBottom: 16 }} data-testid="line-adopted" /> : null}
          <Form.Item name="note" label={t('lines.form.note')}>
            <Input.TextArea rows={2} maxLength={500} showCount placeholder={t('lines.form.notePlaceholder')} data-testid="line-note" />
          </Form.Item>
          {save.error ? <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 16 }} data-testid="line-error" /> : null}
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="line-submit">
            {t('lines.form.submit')}
          </Button>
        </Form>
      </Col>
      <Col xs={24} lg={12}>
        <LineProposalPanel key={year} previousLineFen={effectiveFen(effective, year - 1)} onAdopt={adopt} />
      </Col>
    </Row>
  );
}
