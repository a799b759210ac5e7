import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Form, InputNumber, Space, Table, Tooltip, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { caseConfigSchema } from '@zengshou/core';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { RegionTreeSelect, useRegionNames } from '../../regions';
import { fieldErrorsFromIssues, schemaRule, showFieldErrors } from '../../ui';
import {
  CASE_FIELDS,
  caseFieldHelpKey,
  caseFieldLabelKey,
  caseFieldUnitKey,
  effectiveConfig,
  emptyRow,
  regionsToValues,
  rowRegions,
  valuesToRegions,
  type CaseField,
  type CaseOverrideRow,
  type CaseSettingsFormValues,
  type ValueSource,
} from '../caseSettingsForm';
import { useSaveCaseSettings } from '../hooks/useCaseSettings';
import type { VersionedCaseSettings } from '../types';

interface CaseSettingsFormProps {
  /** The stored settings; after a conflict this is the newer version while the form keeps the user's edits. */
  current: VersionedCaseSettings;
  onReload: () => Promise<VersionedCaseSettings | undefined>;
}

// Sized so that every column fits the content area at 1440 px with the region panel open.
const REGION_WIDTH = 230;
const FIELD_WIDTH = 112;
const REMOVE_WIDTH = 72;

/**
 * 案件办理时限: one row per region that sets its own deadlines or elimination conditions. A blank cell inherits
 * from the regions above, then from the defaults; under each cell the value in force, computed like the server
 * does over the rows as edited, so the effect of a change is visible before saving.
 */
export function CaseSettingsForm({ current, onReload }: CaseSettingsFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CaseSettingsFormValues>();
  const save = useSaveCaseSettings();
  const [conflict, setConflict] = useState(false);
  const rows = Form.useWatch('rows', form) as (CaseOverrideRow | undefined)[] | undefined;
  const codes = useMemo(() => [...new Set([...rowRegions(rows), ...Object.keys(current.regions)])], [rows, current.regions]);
  const names = useRegionNames(codes);
  const defaults = current.defaults;

  const submit = (values: CaseSettingsFormValues) => {
    const result = valuesToRegions(values, {
      region: t('caseSettings.regionRequired'),
      duplicate: t('caseSettings.duplicate'),
      emptyRow: t('caseSettings.emptyRow'),
    });
    if (!result.ok) return showFieldErrors(form, fieldErrorsFromIssues(result.issues));
    save.mutate(
      { version: current.version, regions: result.regions },
      {
        onSuccess: (saved) => {
          setConflict(false);
          form.setFieldsValue(regionsToValues(saved.regions));
          void message.success(t('caseSettings.saved'));
        },
        // Anything but a conflict is the server's Chinese message, shown above the table (case-settings-error).
        onError: (error) => {
          if (isApiError(error) && error.status === 409) setConflict(true);
        },
      },
    );
  };

  const discardEdits = async () => {
    const fresh = await onReload();
    if (fresh) form.setFieldsValue(regionsToValues(fresh.regions));
    setConflict(false);
    save.reset();
  };

  const sourceText = (source: ValueSource) =>
    source.kind === 'own'
      ? t('caseSettings.source.own')
      : source.kind === 'inherited'
        ? t('caseSettings.source.inherited', { region: names.get(source.region) ?? source.region })
        : t('caseSettings.source.default');

  const fieldColumn = (field: CaseField) => ({
    key: field,
    width: FIELD_WIDTH,
    title: (
      <Space orientation="vertical" size={0}>
        <Tooltip title={t(caseFieldHelpKey(field))}>
          <span>{t('caseSettings.fieldWithUnit', { label: t(caseFieldLabelKey(field)), unit: t(caseFieldUnitKey(field)) })}</span>
        </Tooltip>
        <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid={`case-settings-default-${field}`} data-value={defaults[field]}>
          {t('caseSettings.default', { value: defaults[field] })}
        </Typography.Text>
      </Space>
    ),
    render: (_: unknown, item: FormListFieldData) => {
      const effective = effectiveConfig(defaults, rows ?? [], item.name);
      const value = effective.values[field];
      return (
        <Space orientation="vertical" size={2}>
          <Form.Item name={[item.name, field]} style={{ marginBottom: 0 }} rules={[schemaRule(caseConfigSchema.shape[field], { skipBlank: true })]}>
            <InputNumber
              min={0}
              precision={0}
              placeholder={t('caseSettings.inherit', { value: effective.inherited[field] })}
              style={{ width: FIELD_WIDTH - 14 }}
              data-testid={`case-settings-${field}-${item.name}`}
            />
          </Form.Item>
          <Tooltip title={sourceText(effective.sources[field])}>
            <Typography.Text
              type={value !== defaults[field] ? 'warning' : 'secondary'}
              data-testid={`case-settings-effective-${field}-${item.name}`}
              data-value={value}
              data-source={effective.sources[field].kind}
            >
              {t('caseSettings.effective', { value })}
            </Typography.Text>
          </Tooltip>
        </Space>
      );
    },
  });

  return (
    <Form<CaseSettingsFormValues>
      form={form}
      layout="vertical"
      initialValues={regionsToValues(current.regions)}
      onFinish={submit}
      data-testid="case-settings-form"
    >
      <Typography.Paragraph type="secondary">{t('caseSettings.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon title={t('caseSettings.applies')} style={{ marginBottom: 16 }} data-testid="case-settings-applies" />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="case-settings-conflict"
          style={{ marginBottom: 16 }}
          title={t('settings.conflict')}
          action={
            <Button size="small" onClick={() => void discardEdits()} data-testid="case-settings-reload">
              {t('settings.reload')}
            </Button>
          }
        />
      ) : null}
      {save.error && !conflict ? (
        <Alert type="error" showIcon title={save.error.message} data-testid="case-settings-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Form.List name="rows">
        {(fields, { add, remove }) => (
          <>
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={fields}
              scroll={{ x: REGION_WIDTH + FIELD_WIDTH * CASE_FIELDS.length + REMOVE_WIDTH }}
              locale={{ emptyText: t('caseSettings.empty') }}
              data-testid="case-settings-table"
              style={{ marginBottom: 12 }}
              onRow={(item) =>
                ({ 'data-testid': `case-settings-row-${item.name}`, 'data-region': rows?.[item.name]?.region ?? '' }) as HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  key: 'region',
                  title: t('caseSettings.column.region'),
                  width: REGION_WIDTH,
                  fixed: 'left',
                  render: (_: unknown, item: FormListFieldData) => {
                    const code = rows?.[item.name]?.region ?? '';
                    return (
                      <Form.Item
                        name={[item.name, 'region']}
                        style={{ marginBottom: 0 }}
                        rules={[{ required: true, message: t('caseSettings.regionRequired') }]}
                      >
                        <RegionTreeSelect initialLabel={code ? (names.get(code) ?? code) : undefined} testId={`case-settings-region-${item.name}`} />
                      </Form.Item>
                    );
                  },
                },
                ...CASE_FIELDS.map(fieldColumn),
                {
                  key: 'remove',
                  width: REMOVE_WIDTH,
                  fixed: 'right',
                  render: (_: unknown, item: FormListFieldData) => (
                    <Button type="link" danger onClick={() => remove(item.name)} data-testid={`case-settings-remove-${item.name}`}>
                      {t('caseSettings.remove')}
                    </Button>
                  ),
                },
              ]}
            />
            <Button onClick={() => add(emptyRow())} style={{ marginBottom: 16 }} data-testid="case-settings-add">
              {t('caseSettings.add')}
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Space align="center">
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="case-settings-save">
            {t('common.save')}
          </Button>
          <Typography.Text type="secondary" data-testid="case-settings-version">
            {t('settings.version', { version: current.version })}
          </Typography.Text>
        </Space>
      </div>
    </Form>
  );
}
