import { useState } from 'react';
import { Button, Checkbox, Form, Input, Modal } from 'antd';
import { NodeIndexOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { useCanOpenLead } from '../hooks/useCanOpenLead';
import { useOpenLeadAndGo } from '../hooks/useOpenLeadAndGo';

interface LeadFormValues {
  disaster: boolean;
  note?: string;
}

/** 登记线索 on the household page (干部排查): an optional disaster mark (先帮扶后认定) and a note. */
export function HouseholdLeadButton({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const canOpen = useCanOpenLead();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<LeadFormValues>();
  const lead = useOpenLeadAndGo();
  if (!canOpen) return null;

  const submit = ({ disaster, note }: LeadFormValues) =>
    lead.run(
      { householdId, source: 'cadre', ...(disaster ? { disaster: true } : {}), ...(note?.trim() ? { note: note.trim() } : {}) },
      () => setOpen(false),
    );

  return (
    <>
      <Button icon={<NodeIndexOutlined />} onClick={() => setOpen(true)} data-testid="case-open-lead">
        {t('lead.householdButton')}
      </Button>
      {open ? (
        <Modal
          open
          title={t('lead.modalTitle')}
          okText={t('lead.submit')}
          cancelText={t('common.cancel')}
          onOk={() => form.submit()}
          onCancel={() => setOpen(false)}
          confirmLoading={lead.pending}
          okButtonProps={{ 'data-testid': 'case-lead-submit' }}
          modalRender={(node) => <div data-testid="case-lead-modal">{node}</div>}
          destroyOnHidden
        >
          <Form<LeadFormValues> form={form} layout="vertical" initialValues={{ disaster: false, note: '' }} onFinish={submit}>
            <Form.Item name="disaster" valuePropName="checked">
              <Checkbox data-testid="case-lead-disaster">{t('lead.disaster')}</Checkbox>
            </Form.Item>
            <Form.Item name="note" label={t('lead.note')}>
              <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('lead.notePlaceholder')} data-testid="case-lead-note" />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </>
  );
}
