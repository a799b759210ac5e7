import { useState } from 'react';
import { Alert, Button, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { incomeRecordInputSchema } from '@zengshou/core';
import { fieldErrorsFromIssues, fieldErrorsFromServer, schemaRule, showFieldErrors } from '../../ui';
import { useIncomeText } from '../hooks/useIncomeText';
import { useSaveIncome } from '../hooks/useSaveIncome';
import { currentPeriod, currentRecordOf, incomeBody, itemTextsOf, type IncomeEntryValues } from '../incomeEntry';
import type { IncomeRecord, IncomeSaveResult } from '../types';
import { IncomeItemsFields } from './IncomeItemsFields';
import { IncomeSaveResultView } from './IncomeSaveResultView';

interface IncomeEntryModalProps {
  householdId: string;
  householdSize: number;
  /** Current records, to start a revision from what is stored for the chosen period. */
  records: readonly IncomeRecord[];
  onSaved: () => void;
  onClose: () => void;
}

const QUARTERS = [1, 2, 3, 4] as const;

/** Mounted only while open. Enter one quarter's year-to-date income in yuan, then show the server's verdict. */
export function IncomeEntryModal({ householdId, householdSize, records, onSaved, onClose }: IncomeEntryModalProps) {
  const { t, period, coverage } = useIncomeText();
  const [form] = Form.useForm<IncomeEntryValues>();
  const save = useSaveIncome();
  const [result, setResult] = useState<{ saved: IncomeSaveResult; year: number; quarter: number } | null>(null);
  const [initial] = useState<IncomeEntryValues>(() => {
    const { year, quarter } = currentPeriod(new Date());
    const existing = currentRecordOf(records, year, quarter);
    return { year, quarter, items: itemTextsOf(existing), remark: existing?.remark ?? '' };
  });
  const year = Form.useWatch('year', form) ?? initial.year;
  const quarter = Form.useWatch('quarter', form) ?? initial.quarter;
  const existing = currentRecordOf(records, year, quarter);

  const onPeriodChange = (changed: Partial<IncomeEntryValues>, all: IncomeEntryValues) => {
    if (save.error) save.reset();
    if (!('year' in changed) && !('quarter' in changed)) return;
    // A revision starts from the stored record of that period; a new period from blank.
    const stored = currentRecordOf(records, all.year, all.quarter);
    form.setFieldsValue({ items: itemTextsOf(stored), remark: stored?.remark ?? '' });
  };

  const submit = (values: IncomeEntryValues) => {
    const body = incomeBody(householdId, values);
    const parsed = incomeRecordInputSchema.safeParse(body);
    if (!parsed.success) {
      showFieldErrors(form, fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    save.mutate(body, {
      onSuccess: (saved) => {
        setResult({ saved, year: values.year, quarter: values.quarter });
        onSaved();
      },
      onError: (error) => showFieldErrors(form, fieldErrorsFromServer(error)),
    });
  };

  const again = () => {
    setResult(null);
    save.reset();
  };

  const footer = result
    ? [
        <Button key="again" onClick={again} data-testid="income-continue">
          {t('income.form.continue')}
        </Button>,
        <Button key="done" type="primary" onClick={onClose} data-testid="income-done">
          {t('income.form.done')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="income-submit">
          {t('common.save')}
        </Button>,
      ];

  return (
    <Modal
      open
      width={920}
      title={t('income.form.title')}
      onCancel={onClose}
      footer={footer}
      // On the dialog box itself: the modal root has no size, so it would never count as visible.
      modalRender={(node) => <div data-testid="income-modal">{node}</div>}
      destroyOnHidden
    >
      {result ? (
        <IncomeSaveResultView result={result.saved} year={result.year} quarter={result.quarter} />
      ) : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('income.form.cumulativeHint')} />
          {save.error ? (
            <Alert type="error" showIcon title={save.error.message} data-testid="income-error" style={{ marginBottom: 16 }} />
          ) : null}
          <Form<IncomeEntryValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={onPeriodChange}>
            <Row gutter={16}>
              <Col xs={24} sm={8}>
                <Form.Item name="year" label={t('income.form.year')} rules={[schemaRule(incomeRecordInputSchema.shape.year)]}>
                  <InputNumber precision={0} style={{ width: '100%' }} data-testid="income-year" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={16}>
                <Form.Item name="quarter" label={t('income.form.quarter')} rules={[schemaRule(incomeRecordInputSchema.shape.quarter)]}>
                  <Select
                    data-testid="income-quarter"
                    options={QUARTERS.map((q) => ({ value: q, label: `${period(year, q)}（${coverage(q)}）` }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            {existing ? (
              <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="income-revision-hint" title={t('income.form.revisionHint')} />
            ) : null}
            <IncomeItemsFields householdSize={householdSize} />
            <Form.Item name="remark" label={t('income.remark')} style={{ marginTop: 16 }}>
              <Input.TextArea rows={2} maxLength={500} showCount data-testid="income-remark" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
