import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../../regions';
import { roleRules } from '../formRules';
import { useUpdateUser } from '../hooks/useUpdateUser';
import type { UserRow } from '../types';
import { editValuesOf, isEmptyUpdate, userUpdateFrom, type UserEditValues } from '../userEditDiff';
import { currentFromVersionConflict } from '../versionConflict';
import { RoleSelect } from './RoleSelect';
import { VersionConflictNotice } from './VersionConflictNotice';

/** Mount with `key={user.id}`; the row it was opened from is the version the edit is based on. */
export function UserEditModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserEditValues>();
  const update = useUpdateUser();
  const [base, setBase] = useState<UserRow>(user);
  const [conflict, setConflict] = useState<UserRow | null>(null);

  const submit = (values: UserEditValues) => {
    const input = userUpdateFrom(base, values);
    if (isEmptyUpdate(input)) {
      void message.info(t('users.noChanges'));
      onClose();
      return;
    }
    update.mutate(
      { id: base.id, input },
      {
        onSuccess: (saved) => {
          void message.success(t('users.saved', { name: saved.displayName }));
          onClose();
        },
        onError: (error) => {
          const current = currentFromVersionConflict(error);
          if (!current) return;
          // Rebase on what is stored now; the user's edits stay in the form for a deliberate retry.
          setBase(current);
          setConflict(current);
        },
      },
    );
  };

  const useCurrent = () => {
    if (!conflict) return;
    form.setFieldsValue(editValuesOf(conflict));
    setConflict(null);
    update.reset();
  };

  const otherError = update.error && !currentFromVersionConflict(update.error) ? update.error : null;

  return (
    <Modal
      open
      title={t('users.editTitle', { username: user.username })}
      okText={conflict ? t('users.conflict.saveAgain') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'user-edit-submit' }}
      data-testid="user-edit-modal"
      destroyOnHidden
    >
      {conflict ? <VersionConflictNotice current={conflict} onUseCurrent={useCurrent} /> : null}
      {otherError ? (
        <Alert type="error" showIcon title={otherError.message} data-testid="user-edit-error" style={{ marginBottom: 16 }} />
      ) : null}
      {base.status === 'locked' ? (
        <Alert type="info" showIcon title={t('users.lockedHint')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<UserEditValues> form={form} layout="vertical" initialValues={editValuesOf(user)} onFinish={submit}>
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }]}
        >
          <Input data-testid="user-edit-display-name" />
        </Form.Item>
        <Form.Item name="roles" label={t('users.form.roles')} rules={roleRules(t)} extra={t('users.form.rolesHint')}>
          <RoleSelect testId="user-edit-roles" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('users.form.region')} rules={[{ required: true, message: t('users.form.regionRequired') }]}>
          <RegionTreeSelect initialLabel={base.regionName} testId="user-edit-region" />
        </Form.Item>
        <Form.Item name="status" label={t('users.form.status')}>
          <Select
            data-testid="user-edit-status"
            options={[
              { value: 'active', label: t('users.status.active') },
              { value: 'disabled', label: t('users.status.disabled') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
