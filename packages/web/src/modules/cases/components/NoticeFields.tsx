import { Col, Form, Row, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { noticeLength, type StepFormValues } from '../stepForm';
import { DateInput } from './DateInput';

/** 公示起止日期, with the length counted as on the wall (both days included) against the minimum. */
export function NoticeFields({ noticeDays }: { noticeDays: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<StepFormValues>();
  const start = Form.useWatch('startDate', form);
  const end = Form.useWatch('endDate', form);
  const days = noticeLength(start, end);
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="startDate" label={t('case.form.startDate')} rules={[{ required: true, message: t('case.form.required') }]}>
            <DateInput testId="case-form-startDate" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="endDate" label={t('case.form.endDate')} rules={[{ required: true, message: t('case.form.required') }]}>
            <DateInput testId="case-form-endDate" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type={days !== null && days < noticeDays ? 'danger' : 'secondary'} data-testid="case-form-noticeDays" data-days={days ?? ''}>
        {t('case.form.noticeDays', { days: days ?? '—', min: noticeDays })}
      </Typography.Text>
    </>
  );
}
