import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Radio, Row, Typography } from 'antd';
import { INCOME_PARTS } from '@zengshou/core';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { RegionTreeSelect } from '../../regions';
import { showFieldErrors } from '../../ui';
import { useSaveTarget } from '../hooks/useTargets';
import { targetErrorsFromServerDetails, targetFormValuesOf, targetRequestBody, type TargetFormValues } from '../targetForm';
import type { IncomeTargetView } from '../types';

/** The stored target when a save lost the optimistic-locking race, otherwise null. */
function currentOnConflict(error: unknown): IncomeTargetView | null {
  if (!isApiError(error) || error.status !== 409 || error.code !== 'version_conflict') return null;
  return (error.details as { current?: IncomeTargetView | null } | null | undefined)?.current ?? null;
}

/**
 * Set a target (new, or a revision of `target`). The version the edit is based on is the one it opened with; a
 * lost race rebases on the stored target and keeps the user's entries for a deliberate second save.
 */
export function TargetEditModal({ target, defaults, onClose }: { target: IncomeTargetView | null; defaults: { regionCode: string; year: number }; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetFormValues>();
  const save = useSaveTarget();
  const [base, setBase] = useState<IncomeTargetView | null>(target);
  const [conflict, setConflict] = useState<IncomeTargetView | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const clearErrors = () => showFieldErrors(form, form.getFieldsError().filter((f) => f.errors.length > 0).map((f) => ({ name: f.name, errors: [] })));

  const submit = (values: TargetFormValues) => {
    clearErrors();
    const out = targetRequestBody(values, base?.version ?? 0);
    if (!out.ok) {
      showFieldErrors(form, out.fieldErrors);
      setFormErrors(out.formErrors);
      return;
    }
    setFormErrors([]);
    save.mutate(
      { region: out.region, year: out.year, body: out.body },
      {
        onSuccess: () => {
          void message.success(t('targets.form.saved'));
          onClose();
        },
        onError: (error) => {
          const current = currentOnConflict(error);
          if (current) {
            setBase(current);
            setConflict(current);
            return;
          }
          if (isApiError(error) && error.status === 400) {
            const mapped = targetErrorsFromServerDetails(error.details);
            showFieldErrors(form, mapped.fieldErrors);
            setFormErrors(mapped.formErrors.length > 0 || mapped.fieldErrors.length > 0 ? mapped.formErrors : [error.message]);
            return;
          }
          setFormErrors([isApiError(error) ? error.message : t('error.unexpected')]);
        },
      },
    );
  };

  const useCurrent = () => {
    if (!conflict) return;
    form.setFieldsValue(targetFormValuesOf(conflict, defaults));
    setConflict(null);
    save.reset();
  };

  const editing = target !== null;
  return (
    <Modal
      open
      width={760}
      title={editing ? t('targets.form.titleEdit', { region: target.regionName ?? target.regionCode, year: target.year }) : t('targets.form.titleCreate')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form<TargetFormValues> form={form} layout="vertical" initialValues={targetFormValuesOf(target, defaults)} onFinish={submit} data-testid="targets-form">
        {conflict ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="targets-version-conflict"
            title={t('targets.conflict.title')}
            description={t('targets.conflict.description')}
            action={<Button size="small" onClick={useCurrent}>{t('targets.conflict.useCurrent')}</Button>}
          />
        ) : null}
        {formErrors.length > 0 ? <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="targets-form-error" title={formErrors.join('；')} /> : null}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="regionCode" label={t('targets.form.region')}>
              <RegionTreeSelect disabled={editing} initialLabel={target?.regionName ?? undefined} testId="targets-form-region" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="year" label={t('targets.form.year')}>
              <InputNumber disabled={editing} min={2000} max={2100} style={{ width: '100%' }} data-testid="targets-form-year" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="base" label={t('targets.form.kind')}>
              <Radio.Group
                optionType="button"
                options={[{ value: false, label: t('targets.kind.target') }, { value: true, label: t('targets.kind.base') }]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="perCapitaYuan" label={t('targets.form.perCapita')}>
              <Input inputMode="decimal" data-testid="targets-form-per-capita" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="growthPct" label={t('targets.form.growth')} extra={t('targets.form.growthHint')}>
              <Input inputMode="decimal" suffix="%" data-testid="targets-form-growth" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">{t('targets.form.partsHint')}</Typography.Paragraph>
        {INCOME_PARTS.map((part) => (
          <Row gutter={16} key={part} align="bottom">
            <Col span={12}>
              <Form.Item name={['parts', part, 'yuan']} label={`${t(`targets.part.${part}`)} · ${t('targets.form.partYuan')}`}>
                <Input inputMode="decimal" data-testid={`targets-form-${part}-yuan`} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['parts', part, 'sharePct']} label={t('targets.form.partShare')}>
                <Input inputMode="decimal" suffix="%" data-testid={`targets-form-${part}-share`} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Form.Item name="source" label={t('targets.form.source')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label={t('targets.form.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="targets-form-submit" data-version={base?.version ?? 0}>
          {t('targets.form.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
