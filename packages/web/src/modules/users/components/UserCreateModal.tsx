import { Alert, App, Form, Input, Modal } from 'antd';
import { useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../../regions';
import { confirmPasswordRules, roleRules } from '../formRules';
import { useCreateUser } from '../hooks/useCreateUser';
import type { UserCreateInput } from '../types';
import { RoleSelect } from './RoleSelect';

type CreateValues = UserCreateInput & { confirmPassword: string };

/** Mounted only while open, so every opening starts from an empty form. */
export function UserCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user: admin } = useCurrentUser();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateUser();

  const submit = ({ confirmPassword: _confirm, ...input }: CreateValues) =>
    create.mutate(
      { ...input, username: input.username.trim(), displayName: input.displayName.trim() },
      {
        onSuccess: (created) => {
          void message.success(t('users.created', { name: created.displayName }));
          onClose();
        },
      },
    );

  return (
    <Modal
      open
      title={t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
      data-testid="user-create-modal"
      destroyOnHidden
    >
      {create.error ? (
        <Alert type="error" showIcon title={create.error.message} data-testid="user-form-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ roles: [], regionCode: admin?.regionCode }}
        onValuesChange={() => create.error && create.reset()}
        data-testid="user-create-form"
      >
        <Form.Item
          name="username"
          label={t('users.form.username')}
          rules={[
            { required: true, whitespace: true, message: t('users.form.usernameRequired') },
            { max: 64, message: t('users.form.usernameTooLong') },
            { pattern: /^\S+$/, message: t('users.form.usernameNoSpaces') },
          ]}
        >
          <Input autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }]}
        >
          <Input data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.form.roles')} rules={roleRules(t)} extra={t('users.form.rolesHint')}>
          <RoleSelect testId="user-form-roles" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('users.form.region')} rules={[{ required: true, message: t('users.form.regionRequired') }]}>
          <RegionTreeSelect initialLabel={admin?.regionName} testId="user-form-region" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.form.password')}
          extra={t('password.policyHint')}
          rules={[{ required: true, message: t('users.form.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t('password.confirm')} dependencies={['password']} rules={confirmPasswordRules(t, 'password')}>
          <Input.Password autoComplete="new-password" data-testid="user-form-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
