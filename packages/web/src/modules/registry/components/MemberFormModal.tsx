import { useState } from 'react';
import { Alert, App, Button, Form, Modal } from 'antd';
import { memberCreateSchema, memberUpdateSchema } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { fieldErrorsFromIssues, fieldErrorsFromServer, showFieldErrors } from '../../ui';
import { useSaveMember, type SaveMemberRequest } from '../hooks/useSaveMember';
import { memberCreateBody, memberFormValuesOf, memberUpdateFrom, type MemberFormValues } from '../memberForm';
import type { Member } from '../types';
import { currentFromVersionConflict, isVersionConflict } from '../versionConflict';
import { MemberFormFields } from './MemberFormFields';

interface MemberFormModalProps {
  householdId: string;
  /** Absent: add a member. Present: edit it (mount with `key={member.id}`). */
  member?: Member;
  onClose: () => void;
}

const NEW_MEMBER: Partial<MemberFormValues> = {
  labourCapacity: 'normal',
  health: 'healthy',
  schoolingStatus: 'not_applicable',
};

/**
 * Add or edit a family member. The shared schema checks each field as it is typed (the ID number's check digit
 * included) and the cross-field rules on save; the server's field messages land under the same fields.
 */
export function MemberFormModal({ householdId, member, onClose }: MemberFormModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const save = useSaveMember();
  const [base, setBase] = useState<Member | undefined>(member);
  const [conflict, setConflict] = useState<Member | null>(null);

  const submit = (values: MemberFormValues) => {
    let request: SaveMemberRequest;
    if (base) {
      const input = memberUpdateFrom(base, values);
      if (Object.keys(input).length === 1) {
        void message.info(t('member.noChanges'));
        onClose();
        return;
      }
      const parsed = memberUpdateSchema.safeParse(input);
      if (!parsed.success) {
        showFieldErrors(form, fieldErrorsFromIssues(parsed.error.issues));
        return;
      }
      request = { kind: 'update', id: base.id, input };
    } else {
      const input = memberCreateBody(householdId, values);
      const parsed = memberCreateSchema.safeParse(input);
      if (!parsed.success) {
        showFieldErrors(form, fieldErrorsFromIssues(parsed.error.issues));
        return;
      }
      request = { kind: 'create', input };
    }
    save.mutate(request, {
      onSuccess: () => {
        void message.success(t(base ? 'member.saved' : 'member.created', { name: values.name.trim() }));
        onClose();
      },
      onError: (error) => {
        const current = currentFromVersionConflict<Member>(error);
        if (current) {
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
    form.setFieldsValue(memberFormValuesOf(conflict));
    setConflict(null);
    save.reset();
  };

  const otherError = save.error && !(conflict && isVersionConflict(save.error)) ? save.error : null;

  return (
    <Modal
      open
      width={720}
      title={member ? t('member.editTitle', { name: member.name }) : t('member.createTitle')}
      okText={conflict ? t('household.conflict.saveAgain') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'member-form-submit' }}
      // On the dialog box itself: the modal root has no size, so it would never count as visible.
      modalRender={(node) => <div data-testid="member-modal">{node}</div>}
      destroyOnHidden
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="member-version-conflict"
          style={{ marginBottom: 16 }}
          title={t('member.conflict.title')}
          description={t('household.conflict.description')}
          action={
            <Button size="small" onClick={useCurrent} data-testid="member-conflict-use-current">
              {t('household.conflict.useCurrent')}
            </Button>
          }
        />
      ) : null}
      {otherError ? (
        <Alert type="error" showIcon title={otherError.message} data-testid="member-form-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        initialValues={member ? memberFormValuesOf(member) : NEW_MEMBER}
        onFinish={submit}
        onValuesChange={() => otherError && save.reset()}
      >
        <MemberFormFields maskedIdNumber={base?.idNumber} />
      </Form>
    </Modal>
  );
}
