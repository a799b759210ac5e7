import { useState } from 'react';
import { Alert, App, Button, Col, Divider, Form, InputNumber, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { warningConfigSchema, type WarningRuleCatalogueEntry } from '@zengshou/core';
import { isApiError } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { warningRuleTitle } from '../../monitoring';
import { fieldErrorsFromIssues, fieldErrorsFromServer, schemaRule, showFieldErrors } from '../../ui';
import { useSaveWarningSettings } from '../hooks/useWarningSettings';
import {
  PCT_FIELDS,
  YUAN_FIELDS,
  configToValues,
  formFieldOf,
  formPathOf,
  thresholdText,
  valuesToConfig,
  warningFieldHelpKey,
  warningFieldLabelKey,
  warningRuleDescription,
  type ThresholdFormField,
  type WarningRulesFormValues,
  type YuanField,
} from '../warningRulesForm';
import type { VersionedWarningSettings } from '../types';

interface WarningRulesFormProps {
  /** The stored settings; after a conflict this is the newer version while the form keeps the user's edits. */
  current: VersionedWarningSettings;
  onReload: () => Promise<VersionedWarningSettings | undefined>;
}

const YUAN_UNIT: Record<YuanField, MessageKey> = {
  partFallMinYuan: 'warningSettings.unit.yuanPerHousehold',
  focusThresholdYuan: 'warningSettings.unit.yuanPerPerson',
};

/**
 * 预警规则: thresholds (percentages, amounts in yuan stored in fen), each rule on or off, and its weight. The
 * rules judge households only when they are evaluated again, so the screen says a change waits for 重新研判.
 */
export function WarningRulesForm({ current, onReload }: WarningRulesFormProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<WarningRulesFormValues>();
  const save = useSaveWarningSettings();
  const [conflict, setConflict] = useState(false);
  // The rules table shows each rule's thresholds as they are being edited.
  const watched: Record<ThresholdFormField, number | null | undefined> = {
    marginPct: Form.useWatch('marginPct', form),
    fallPct: Form.useWatch('fallPct', form),
    partFallPct: Form.useWatch('partFallPct', form),
    partFallMinYuan: Form.useWatch('partFallMinYuan', form),
    focusThresholdYuan: Form.useWatch('focusThresholdYuan', form),
  };

  const submit = (values: WarningRulesFormValues) => {
    const result = valuesToConfig(values, { amount: t('warningSettings.amountInvalid'), pct: t('warningSettings.pctInvalid') });
    if (!result.ok) return showFieldErrors(form, fieldErrorsFromIssues(result.issues));
    save.mutate(
      { version: current.version, config: result.config },
      {
        onSuccess: (saved) => {
          setConflict(false);
          form.setFieldsValue(configToValues(saved.config));
          void message.success(t('warningSettings.saved'));
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) setConflict(true);
          else {
            // The server names config fields (`/config/focusThresholdFen`); the form edits some of them in yuan.
            showFieldErrors(form, fieldErrorsFromServer(error).map((e) => ({ ...e, name: formPathOf(e.name[0] === 'config' ? e.name.slice(1) : e.name) })));
          }
        },
      },
    );
  };

  const discardEdits = async () => {
    const fresh = await onReload();
    if (fresh) form.setFieldsValue(configToValues(fresh.config));
    setConflict(false);
    save.reset();
  };

  const unitOf = (field: ThresholdFormField) =>
    (PCT_FIELDS as readonly string[]).includes(field) ? t('warningSettings.unit.pct') : t(YUAN_UNIT[field as YuanField]);

  const ruleColumns = [
    {
      title: t('warningSettings.column.rule'),
      key: 'title',
      width: 220,
      render: (_: unknown, rule: WarningRuleCatalogueEntry) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text strong>{language === 'en' ? warningRuleTitle(rule.id, language) : rule.title}</Typography.Text>
          {rule.needsIncome ? null : <Tag>{t('warningSettings.noIncomeNeeded')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('warningSettings.column.checks'),
      key: 'description',
      render: (_: unknown, rule: WarningRuleCatalogueEntry) => (
        <Typography.Text type="secondary" data-testid={`warning-rule-description-${rule.id}`}>
          {warningRuleDescription(rule.id, rule.description, language)}
        </Typography.Text>
      ),
    },
    {
      title: t('warningSettings.column.thresholds'),
      key: 'thresholds',
      width: 210,
      render: (_: unknown, rule: WarningRuleCatalogueEntry) => {
        if (rule.parameters.length === 0) return rule.needsIncome ? <Typography.Text type="secondary">{t('warningSettings.monitoringLine')}</Typography.Text> : '—';
        return (
          <Space orientation="vertical" size={0}>
            {rule.parameters.map((p) => {
              const field = formFieldOf(p);
              return (
                <span key={p}>
                  {t('warningSettings.thresholdValue', {
                    label: t(warningFieldLabelKey(field)),
                    value: thresholdText(field, watched[field], t('warningSettings.unit.yuan')),
                  })}
                </span>
              );
            })}
          </Space>
        );
      },
    },
    {
      title: t('warningSettings.column.version'),
      key: 'version',
      width: 90,
      render: (_: unknown, rule: WarningRuleCatalogueEntry) => <Tag data-testid={`warning-rule-version-${rule.id}`}>{rule.version}</Tag>,
    },
    {
      title: t('warningSettings.column.enabled'),
      key: 'enabled',
      width: 70,
      render: (_: unknown, rule: WarningRuleCatalogueEntry) => (
        <Form.Item name={['enabled', rule.id]} valuePropName="checked" noStyle>
          <Switch size="small" data-testid={`warning-rule-enabled-${rule.id}`} aria-label={rule.title} />
        </Form.Item>
      ),
    },
    {
      title: t('warningSettings.column.weight'),
      key: 'weight',
      width: 120,
      render: (_: unknown, rule: WarningRuleCatalogueEntry) => (
        <Form.Item
          name={['weights', rule.id]}
          style={{ marginBottom: 0 }}
          rules={[{ type: 'number', min: 0, max: 10, message: t('warningSettings.weightInvalid') }]}
        >
          <InputNumber min={0} max={10} step={0.1} precision={2} placeholder="1" style={{ width: 90 }} data-testid={`warning-rule-weight-${rule.id}`} />
        </Form.Item>
      ),
    },
  ];

  return (
    <Form<WarningRulesFormValues>
      form={form}
      layout="vertical"
      initialValues={configToValues(current.config)}
      onFinish={submit}
      data-testid="warning-settings-form"
    >
      <Typography.Paragraph type="secondary">{t('warningSettings.intro')}</Typography.Paragraph>
      <Alert type="info" showIcon title={t('warningSettings.nextEvaluation')} data-testid="warning-settings-next-evaluation" style={{ marginBottom: 16 }} />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="warning-settings-conflict"
          style={{ marginBottom: 16 }}
          title={t('settings.conflict')}
          action={
            <Button size="small" onClick={() => void discardEdits()} data-testid="warning-settings-reload">
              {t('settings.reload')}
            </Button>
          }
        />
      ) : null}
      {save.error && !conflict ? (
        <Alert type="error" showIcon title={save.error.message} data-testid="warning-settings-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Divider titlePlacement="start">{t('warningSettings.thresholds')}</Divider>
      <Row gutter={24}>
        {PCT_FIELDS.map((field) => (
          <Col key={field} xs={24} md={12} xl={8}>
            <Form.Item
              name={field}
              label={t(warningFieldLabelKey(field))}
              extra={t(warningFieldHelpKey(field))}
              // The core's own field schema: the same Chinese message the server would answer.
              rules={[{ required: true, message: t('warningSettings.pctInvalid') }, schemaRule(warningConfigSchema.shape[field])]}
            >
              <InputNumber min={0} max={100} precision={1} style={{ width: 160 }} suffix={unitOf(field)} data-testid={`warning-setting-${field}`} />
            </Form.Item>
          </Col>
        ))}
        {YUAN_FIELDS.map((field) => (
          <Col key={field} xs={24} md={12} xl={8}>
            <Form.Item
              name={field}
              label={t(warningFieldLabelKey(field))}
              extra={t(warningFieldHelpKey(field))}
              rules={[{ required: true, type: 'number', min: 0, message: t('warningSettings.amountInvalid') }]}
            >
              <InputNumber min={0} precision={2} style={{ width: 240 }} suffix={unitOf(field)} data-testid={`warning-setting-${field}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Divider titlePlacement="start">{t('warningSettings.rules')}</Divider>
      <Typography.Paragraph type="secondary">{t('warningSettings.weightHelp')}</Typography.Paragraph>
      <Table<WarningRuleCatalogueEntry>
        rowKey="id"
        size="small"
        pagination={false}
        columns={ruleColumns}
        dataSource={current.rules}
        scroll={{ x: 1000 }}
        data-testid="warning-settings-rules"
        style={{ marginBottom: 16 }}
      />
      <Space align="center">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="warning-settings-save">
          {t('common.save')}
        </Button>
        <Typography.Text type="secondary" data-testid="warning-settings-version">
          {t('settings.version', { version: current.version })}
        </Typography.Text>
      </Space>
    </Form>
  );
}
