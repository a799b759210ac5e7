import { Alert, Checkbox, Form, Input, InputNumber, Radio, Typography } from 'antd';
import { ELIMINATION_WAYS } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { caseLabelOptions } from '../caseLabels';
import type { StepFormValues } from '../stepForm';
import type { CaseDetail, CaseStepType } from '../types';
import { MeasureAddFields, MeasureUpdateFields } from './MeasureFields';
import { NoticeFields } from './NoticeFields';
import { RiskTypeFields } from './RiskTypeFields';

interface StepFormFieldsProps {
  type: CaseStepType;
  detail: CaseDetail;
  today: string;
}

function NoteField({ name, label, required, testId }: { name: 'note' | 'reason'; label: string; required?: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, message: t('case.form.required') }] : []}>
      <Input.TextArea rows={3} maxLength={2000} showCount data-testid={testId} />
    </Form.Item>
  );
}

/** The fields of one step's form; each step shows only what its event records. */
export function StepFormFields({ type, detail, today }: StepFormFieldsProps) {
  const { t, language } = useI18n();
  const form = Form.useFormInstance<StepFormValues>();
  const finding = Form.useWatch('finding', form);
  const decision = Form.useWatch('decision', form);
  const commitment = Form.useWatch('commitmentSigned', form);
  const authorisation = Form.useWatch('authorisationSigned', form);

  switch (type) {
    case 'home_checked':
      return (
        <>
          <Form.Item label={t('case.form.signatures')} required>
            <Form.Item name="commitmentSigned" valuePropName="checked" noStyle>
              <Checkbox data-testid="case-form-commitmentSigned">{t('case.form.commitmentSigned')}</Checkbox>
            </Form.Item>
            <Form.Item name="authorisationSigned" valuePropName="checked" noStyle>
              <Checkbox data-testid="case-form-authorisationSigned">{t('case.form.authorisationSigned')}</Checkbox>
            </Form.Item>
          </Form.Item>
          {finding !== 'not_include' && !(commitment && authorisation) ? (
            <Typography.Paragraph type="warning" style={{ marginTop: -16 }} data-testid="case-form-unsigned">
              {t('case.form.unsigned')}
            </Typography.Paragraph>
          ) : null}
          <Form.Item name="finding" label={t('case.form.finding')} rules={[{ required: true }]}>
            <Radio.Group data-testid="case-form-finding">
              <Radio value="include" data-testid="case-form-finding-include">{t('case.form.include')}</Radio>
              <Radio value="not_include" data-testid="case-form-finding-not_include">{t('case.form.notInclude')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label={t('case.form.homeNote')} rules={[{ required: true, whitespace: true, message: t('case.form.required') }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('case.form.homeNotePlaceholder')} data-testid="case-form-note" />
          </Form.Item>
          {finding !== 'not_include' ? <RiskTypeFields mode="proposal" /> : null}
        </>
      );
    case 'notice_started':
    case 'elimination_notice_started':
      return <NoticeFields noticeDays={detail.config?.noticeDays ?? 5} />;
    case 'notice_finished':
    case 'elimination_notice_finished':
      return (
        <Form.Item
          name="objections"
          label={t('case.form.objections')}
          extra={t('case.form.objectionsHint')}
          rules={[{ required: true, message: t('case.form.required') }]}
        >
          <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid="case-form-objections" />
        </Form.Item>
      );
    case 'township_reviewed':
    case 'elimination_township_reviewed':
      return (
        <>
          <Form.Item name="decision" label={t('case.form.decision')} rules={[{ required: true }]}>
            <Radio.Group data-testid="case-form-decision">
              <Radio value="pass" data-testid="case-form-decision-pass">{t('cases.decision.pass')}</Radio>
              <Radio value="return" data-testid="case-form-decision-return">{t('cases.decision.return')}</Radio>
            </Radio.Group>
          </Form.Item>
          <NoteField name="note" label={decision === 'return' ? t('case.form.returnReason') : t('case.form.note')} required={decision === 'return'} testId="case-form-note" />
        </>
      );
    case 'county_approved':
      return (
        <>
          <Form.Item name="decision" label={t('case.form.countyDecision')} rules={[{ required: true }]}>
            <Radio.Group data-testid="case-form-decision">
              <Radio value="approve" data-testid="case-form-decision-approve">{t('cases.decision.approve')}</Radio>
              <Radio value="reject" data-testid="case-form-decision-reject">{t('cases.decision.reject')}</Radio>
            </Radio.Group>
          </Form.Item>
          {decision !== 'reject' ? (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={detail.proposal ? t('case.form.proposalHint') : t('case.form.noProposal')}
                data-testid="case-form-proposal-hint"
              />
              <RiskTypeFields mode="decision" />
            </>
          ) : null}
          <NoteField name="note" label={t('case.form.note')} testId="case-form-note" />
        </>
      );
    case 'measure_added':
      return <MeasureAddFields />;
    case 'measure_updated':
      return <MeasureUpdateFields measures={detail.measures} today={today} />;
    case 'elimination_proposed':
      return (
        <>
          {detail.eliminationProblems?.length ? (
            <Typography.Paragraph type="secondary">{t('case.eliminationProblems.note')}</Typography.Paragraph>
          ) : null}
          <Form.Item name="way" label={t('case.form.way')} rules={[{ required: true }]}>
            <Radio.Group options={caseLabelOptions('way', ELIMINATION_WAYS, language)} data-testid="case-form-way" />
          </Form.Item>
        </>
      );
    case 'elimination_county_approved':
      return (
        <>
          <Form.Item name="decision" label={t('case.form.countyDecision')} rules={[{ required: true }]}>
            <Radio.Group data-testid="case-form-decision">
              <Radio value="approve" data-testid="case-form-decision-approve">{t('cases.decision.eliminationApprove')}</Radio>
              <Radio value="reject" data-testid="case-form-decision-reject">{t('cases.decision.eliminationReject')}</Radio>
            </Radio.Group>
          </Form.Item>
          <NoteField name="note" label={t('case.form.note')} testId="case-form-note" />
        </>
      );
    case 'elimination_rolled_back':
      return <NoteField name="reason" label={t('case.form.reason')} required testId="case-form-reason" />;
  }
}
