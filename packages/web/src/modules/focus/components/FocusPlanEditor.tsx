import { useState } from 'react';
import { Alert, App, Button, Form } from 'antd';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { showFieldErrors } from '../../ui';
import { useSaveFocusPlan } from '../hooks/useFocusPlan';
import { changedPaths, planErrorsFromServerDetails, planFormValuesOf, planRequestBody, type PlanFormValues } from '../planForm';
import type { PlanDetail } from '../types';
import { PlanFormFields } from './PlanFormFields';

/** The server's current plan when a save lost the optimistic-locking race, otherwise null. */
function currentOnConflict(error: unknown): PlanDetail | null {
  if (!isApiError(error) || error.status !== 409 || error.code !== 'version_conflict') return null;
  return (error.details as { current?: PlanDetail } | null | undefined)?.current ?? null;
}

/**
 * Create or revise a plan. Mount with `key={householdId}`: the detail it opened with is the version the edit is
 * based on; a lost race rebases on the stored plan and keeps the user's edits for a deliberate second save.
 */
export function FocusPlanEditor({ detail, currentYear }: { detail: PlanDetail; currentYear: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const save = useSaveFocusPlan(detail.household.id);
  const [base, setBase] = useState<PlanDetail>(detail);
  const [conflict, setConflict] = useState<PlanDetail | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  // Errors put on fields by setFields stay until cleared: an edited field loses its own, a submit starts afresh.
  const clearErrors = (names?: (string | number)[][]) => {
    const stale = form.getFieldsError().filter((f) => f.errors.length > 0);
    const wanted = names ? stale.filter((f) => names.some((n) => JSON.stringify(n) === JSON.stringify(f.name))) : stale;
    showFieldErrors(form, wanted.map((f) => ({ name: f.name, errors: [] })));
  };

  const submit = (values: PlanFormValues) => {
    clearErrors();
    const out = planRequestBody(values, base.plan?.version ?? 0);
    if (!out.ok) {
      showFieldErrors(form, out.fieldErrors);
      setFormErrors(out.formErrors);
      return;
    }
    setFormErrors([]);
    save.mutate(out.body, {
      onSuccess: (saved) => {
        void message.success(t('focus.plan.saved'));
        setBase(saved);
        setConflict(null);
        // The note was added to the progress; the phone field only ever holds a new number.
        form.setFieldsValue({ progressNote: '', cadrePhone: '', clearPhone: false });
      },
      onError: (error) => {
        const current = currentOnConflict(error);
        if (current) {
          setBase(current);
          setConflict(current);
          return;
        }
        if (isApiError(error) && error.status === 400) {
          const mapped = planErrorsFromServerDetails(error.details);
          showFieldErrors(form, mapped.fieldErrors);
          setFormErrors(mapped.formErrors.length > 0 || mapped.fieldErrors.length > 0 ? mapped.formErrors : [error.message]);
          return;
        }
        setFormErrors([isApiError(error) ? error.message : t('error.unexpected')]);
      },
    });
  };

  const useCurrent = () => {
    if (!conflict) return;
    form.setFieldsValue(planFormValuesOf(conflict, currentYear));
    setConflict(null);
    save.reset();
  };

  return (
    <Form<PlanFormValues> form={form} layout="vertical" initialValues={planFormValuesOf(detail, currentYear)} onFinish={submit} onValuesChange={(changed) => clearErrors(changedPaths(changed))} data-testid="focus-plan-form">
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="focus-plan-version-conflict"
          style={{ marginBottom: 16 }}
          title={t('focus.conflict.title')}
          description={t('focus.conflict.description')}
          action={
            <Button size="small" onClick={useCurrent} data-testid="focus-plan-conflict-use-current">
              {t('focus.conflict.useCurrent')}
            </Button>
          }
        />
      ) : null}
      {formErrors.length > 0 ? (
        <Alert type="error" showIcon data-testid="focus-plan-error" style={{ marginBottom: 16 }} title={formErrors.join('；')} />
      ) : null}
      <PlanFormFields storedPhone={base.plan?.cadrePhone ?? null} />
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="focus-plan-submit" data-version={base.plan?.version ?? 0}>
        {conflict ? t('focus.conflict.saveAgain') : base.plan ? t('focus.form.submitRevise') : t('focus.form.submitCreate')}
      </Button>
    </Form>
  );
}
