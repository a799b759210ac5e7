import { Alert, App, Form, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { householdCreateSchema } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { fieldErrorsFromIssues, fieldErrorsFromServer, showFieldErrors } from '../../ui';
import { useCreateHousehold } from '../hooks/useCreateHousehold';
import { householdCreateBody, type HouseholdFormValues } from '../householdForm';
import { householdPath } from '../paths';
import { HouseholdFormFields } from './HouseholdFormFields';

const EMPTY: Partial<HouseholdFormValues> = {
  assistanceStatus: 'none',
  relocated: false,
  unsafeHousing: false,
  unsafeWater: false,
  schoolDropout: false,
  uninsuredMember: false,
};

/** Mounted only while open. 新增农户; on success the new household's page opens to add its members. */
export function HouseholdCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<HouseholdFormValues>();
  const create = useCreateHousehold();

  const submit = (values: HouseholdFormValues) => {
    const body = householdCreateBody(values);
    const parsed = householdCreateSchema.safeParse(body);
    if (!parsed.success) {
      showFieldErrors(form, fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    create.mutate(body, {
      onSuccess: (detail) => {
        void message.success(t('household.created', { no: detail.household.householdNo }));
        onClose();
        void navigate(householdPath(detail.household.id));
      },
      onError: (error) => showFieldErrors(form, fieldErrorsFromServer(error)),
    });
  };

  return (
    <Modal
      open
      width={720}
      title={t('household.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'household-form-submit' }}
      // On the dialog box itself: the modal root has no size, so it would never count as visible.
      modalRender={(node) => <div data-testid="household-create-modal">{node}</div>}
      destroyOnHidden
    >
      {create.error ? (
        <Alert type="error" showIcon title={create.error.message} data-testid="household-form-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Form<HouseholdFormValues>
        form={form}
        layout="vertical"
        initialValues={EMPTY}
        onFinish={submit}
        onValuesChange={() => create.error && create.reset()}
      >
        <HouseholdFormFields prefix="household-form" />
      </Form>
    </Modal>
  );
}
