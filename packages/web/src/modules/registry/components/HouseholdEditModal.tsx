import { useState } from 'react';
import { Alert, App, Button, Form, Modal } from 'antd';
import { householdUpdateSchema } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { fieldErrorsFromIssues, fieldErrorsFromServer, showFieldErrors } from '../../ui';
import { useUpdateHousehold } from '../hooks/useUpdateHousehold';
import { householdFormValuesOf, householdUpdateFrom, isEmptyUpdate, type HouseholdFormValues } from '../householdForm';
import type { Household } from '../types';
import { currentFromVersionConflict } from '../versionConflict';
import { HouseholdFormFields } from './HouseholdFormFields';

/** Mount with `key={household.id}`; the household it was opened with is the version the edit is based on. */
export function HouseholdEditModal({ household, onClose }: { household: Household; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<HouseholdFormValues>();
  const update = useUpdateHousehold(household.id);
  const [base, setBase] = useState<Household>(household);
  const [conflict, setConflict] = useState<Household | null>(null);

  const submit = (values: HouseholdFormValues) => {
    const input = householdUpdateFrom(base, values);
    if (isEmptyUpdate(input)) {
      void message.info(t('household.noChanges'));
      onClose();
      return;
    }
    const parsed = householdUpdateSchema.safeParse(input);
    if (!parsed.success) {
      showFieldErrors(form, fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    update.mutate(input, {
      onSuccess: () => {
        void message.success(t('household.saved'));
        onClose();
      },
      onError: (error) => {
        const current = currentFromVersionConflict<Household>(error);
        if (current) {
          // Rebase on what is stored now; the user's edits stay in the form for a deliberate retry.
          setBase(current);
          setConflict(current);
        } else {
          showFieldErrors(form, fieldErrorsFromServer(error));
        }
      },
    });
  };

  const useCurrent = () => {
    if (!conflict) return;
    form.setFieldsValue(householdFormValuesOf(conflict));
    setConflict(null);
    update.reset();
  };

  const otherError = update.error && !currentFromVersionConflict(update.error) ? update.error : null;

  return (
    <Modal
      open
      width={720}
      title={t('household.editTitle', { no: household.householdNo })}
      okText={conflict ? t('household.conflict.saveAgain') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'household-edit-submit' }}
      // On the dialog box itself: the modal root has no size, so it would never count as visible.
      modalRender={(node) => <div data-testid="household-edit-modal">{node}</div>}
      destroyOnHidden
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="household-version-conflict"
          style={{ marginBottom: 16 }}
          title={t('household.conflict.title')}
          description={t('household.conflict.description')}
          action={
            <Button size="small" onClick={useCurrent} data-testid="household-conflict-use-current">
              {t('household.conflict.useCurrent')}
            </Button>
          }
        />
      ) : null}
      {otherError ? (
        <Alert type="error" showIcon title={otherError.message} data-testid="household-edit-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Form<HouseholdFormValues> form={form} layout="vertical" initialValues={householdFormValuesOf(household)} onFinish={submit}>
        <HouseholdFormFields
          prefix="household-edit"
          villageLabel={`${base.townshipName} / ${base.villageName}`}
          maskedPhone={base.phone}
        />
      </Form>
    </Modal>
  );
}
