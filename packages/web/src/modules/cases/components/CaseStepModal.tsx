import { useState } from 'react';
import { App, Form, Modal } from 'antd';
import { chinaDate } from '@zengshou/core';
import { isApiError } from '../../api';
import { useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { caseLabel } from '../caseLabels';
import { useCaseStep } from '../hooks/useCaseMutations';
import { newUuid } from '../requestId';
import { stepProblemOf, type StepProblem } from '../stepErrors';
import { buildStepEvent, measureUpdateDefaults, stepDefaults, type StepFormValues } from '../stepForm';
import type { CaseDetail, CaseStepType } from '../types';
import { StepFormFields } from './StepFormFields';
import { StepRefusal } from './StepRefusal';

interface CaseStepModalProps {
  detail: CaseDetail;
  type: CaseStepType;
  /** For a measure update started from the measures table: the measure it is about. */
  measureId?: string;
  onClose: () => void;
  /** Re-reads the case after a version conflict. */
  onReload: () => void;
}

/** Mounted only while open. One step of the case: its form, then the server's decision (refusal reasons inline). */
export function CaseStepModal({ detail, type, measureId, onClose, onReload }: CaseStepModalProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const { user } = useCurrentUser();
  const [form] = Form.useForm<StepFormValues>();
  const step = useCaseStep(detail.id);
  const [problem, setProblem] = useState<StepProblem | null>(null);
  // The same request id goes with a resubmission after a lost answer, so the server applies the step once.
  const [requestId, setRequestId] = useState(() => newUuid());
  const [newMeasureId] = useState(() => newUuid());
  // The server's date when it sent the case; the browser's own only as a fallback (its clock may be off).
  const [today] = useState(() => detail.today ?? chinaDate(new Date().toISOString()) ?? new Date().toISOString().slice(0, 10));
  const label = detail.nextSteps.find((s) => s.type === type)?.label ?? caseLabel('event', type, language);
  const title = language === 'en' ? caseLabel('event', type, language) : label;

  // The form starts from the case as it was when the dialog opened.
  const [initialValues] = useState(() => {
    const base = stepDefaults(type, { today, config: detail.config ?? { noticeDays: 5 }, proposal: detail.proposal, userName: user?.displayName ?? '', measures: detail.measures });
    if (type === 'measure_updated' && measureId) return { ...base, ...measureUpdateDefaults(detail.measures.find((m) => m.measureId === measureId), today) };
    return base;
  });

  const submit = (values: StepFormValues) => {
    const built = buildStepEvent(type, values, newMeasureId);
    if (!built.ok) {
      form.setFields(built.problems.map((p) => ({ name: p.field, errors: [p.message] })));
      return;
    }
    setProblem(null);
    step.mutate(
      { expectedVersion: detail.version, requestId, event: built.event },
      {
        onSuccess: () => {
          void message.success(t('case.form.done', { step: title }));
          onClose();
        },
        onError: (error) => {
          setProblem(stepProblemOf(error));
          // A step the server answered (refused, conflict) was not applied: the next try is a new request.
          if (!isApiError(error) || error.status !== 0) setRequestId(newUuid());
        },
      },
    );
  };

  return (
    <Modal
      open
      width={640}
      title={title}
      okText={t('case.form.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={step.isPending}
      okButtonProps={{ 'data-testid': 'case-step-submit', disabled: problem?.kind === 'conflict' }}
      cancelButtonProps={{ 'data-testid': 'case-step-cancel' }}
      // On the dialog box itself: the modal root has no size, so it would never count as visible.
      modalRender={(node) => (
        <div data-testid="case-step-form" data-step={type}>
          {node}
        </div>
      )}
      destroyOnHidden
    >
      {problem ? (
        <StepRefusal
          problem={problem}
          onReload={() => {
            onReload();
            onClose();
          }}
        />
      ) : null}
      <Form<StepFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={() => problem?.kind === 'other' && setProblem(null)}
      >
        <StepFormFields type={type} detail={detail} today={today} />
      </Form>
    </Modal>
  );
}
