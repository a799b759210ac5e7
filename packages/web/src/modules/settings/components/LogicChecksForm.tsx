import { useState } from 'react';
import { Alert, App, Button, Col, Divider, Form, InputNumber, Row, Select, Space, Switch, Table, Typography } from 'antd';
import { LOGIC_CHECK_RULES, type LogicCheckRule } from '@zengshou/core';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { fieldErrorsFromIssues, fieldErrorsFromServer, showFieldErrors } from '../../ui';
import { useSaveLogicChecks } from '../hooks/useLogicChecks';
import {
  AGE_FIELDS,
  AMOUNT_FIELDS,
  configToValues,
  fieldHelpKey,
  fieldLabelKey,
  logicRuleTitle,
  valuesToConfig,
  type LogicChecksFormValues,
} from '../logicChecksForm';
import type { VersionedLogicChecks } from '../types';

interface LogicChecksFormProps {
  /** The stored settings; after a conflict this is the newer version while the form keeps the user's edits. */
  current: VersionedLogicChecks;
  onReload: () => Promise<VersionedLogicChecks | undefined>;
}

/** 逻辑校验: thresholds in yuan (stored in fen, annual), each rule on or off by its Chinese title, and its severity. */
export function LogicChecksForm({ current, onReload }: LogicChecksFormProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<LogicChecksFormValues>();
  const save = useSaveLogicChecks();
  const [conflict, setConflict] = useState(false);

  const submit = (values: LogicChecksFormValues) => {
    const result = valuesToConfig(values, t('logicChecks.amountInvalid'));
    if (!result.ok) return showFieldErrors(form, fieldErrorsFromIssues(result.issues));
    save.mutate(
      { version: current.version, config: result.config },
      {
        onSuccess: (saved) => {
          setConflict(false);
          form.setFieldsValue(configToValues(saved.config));
          void message.success(t('logicChecks.saved'));
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) setConflict(true);
          else showFieldErrors(form, fieldErrorsFromServer(error).map((e) => (e.name[0] === 'config' ? { ...e, name: e.name.slice(1) } : e)));
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

  const ruleColumns = [
    {
      title: t('logicChecks.column.rule'),
      key: 'title',
      render: (_: unknown, rule: LogicCheckRule) => logicRuleTitle(rule.id, rule.title, language),
    },
    {
      title: t('logicChecks.column.enabled'),
      key: 'enabled',
      width: 80,
      render: (_: unknown, rule: LogicCheckRule) => (
        <Form.Item name={['enabled', rule.id]} valuePropName="checked" noStyle>
          <Switch size="small" data-testid={`logic-check-enabled-${rule.id}`} aria-label={rule.title} />
        </Form.Item>
      ),
    },
    {
      title: t('logicChecks.column.severity'),
      key: 'severity',
      width: 200,
      render: (_: unknown, rule: LogicCheckRule) => (
        <Form.Item name={['severity', rule.id]} noStyle>
          <Select
            size="small"
            style={{ width: 180 }}
            options={(['error', 'warning'] as const).map((s) => ({ value: s, label: t(`logicChecks.severity.${s}`) }))}
            data-testid={`logic-check-severity-${rule.id}`}
          />
        </Form.Item>
      ),
    },
  ];

  return (
    <Form<LogicChecksFormValues>
      form={form}
      layout="vertical"
      initialValues={configToValues(current.config)}
      onFinish={submit}
      data-testid="logic-checks-form"
    >
      <Typography.Paragraph type="secondary">{t('logicChecks.intro')}</Typography.Paragraph>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="logic-checks-conflict"
          style={{ marginBottom: 16 }}
          title={t('settings.conflict')}
          action={
            <Button size="small" onClick={() => void discardEdits()} data-testid="logic-checks-reload">
              {t('settings.reload')}
            </Button>
          }
        />
      ) : null}
      {save.error && !conflict ? (
        <Alert type="error" showIcon title={save.error.message} data-testid="logic-checks-error" style={{ marginBottom: 16 }} />
      ) : null}
      <Divider titlePlacement="start">{t('logicChecks.thresholds')}</Divider>
      <Row gutter={24}>
        {AMOUNT_FIELDS.map((field) => (
          <Col key={field} xs={24} md={12} xl={8}>
            <Form.Item
              name={field}
              label={t(fieldLabelKey(field))}
              extra={t(fieldHelpKey(field))}
              rules={[{ required: true, type: 'number', min: 0, message: t('logicChecks.amountInvalid') }]}
            >
              <InputNumber min={0} precision={2} style={{ width: 220 }} suffix={t('logicChecks.unit.yuan')} data-testid={`logic-check-${field}`} />
            </Form.Item>
          </Col>
        ))}
        {AGE_FIELDS.map((field) => (
          <Col key={field} xs={24} md={12} xl={8}>
            <Form.Item
              name={field}
              label={t(fieldLabelKey(field))}
              extra={t(fieldHelpKey(field))}
              rules={[{ required: true, type: 'integer', min: 0, max: 30, message: t('logicChecks.ageInvalid') }]}
            >
              <InputNumber min={0} max={30} precision={0} style={{ width: 160 }} suffix={t('logicChecks.unit.age')} data-testid={`logic-check-${field}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Divider titlePlacement="start">{t('logicChecks.rules')}</Divider>
      <Table<LogicCheckRule>
        rowKey="id"
        size="small"
        pagination={false}
        columns={ruleColumns}
        dataSource={[...LOGIC_CHECK_RULES]}
        data-testid="logic-checks-rules"
        style={{ maxWidth: 760, marginBottom: 16 }}
      />
      <Space align="center">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="logic-checks-save">
          {t('common.save')}
        </Button>
        <Typography.Text type="secondary" data-testid="logic-checks-version">
          {t('settings.version', { version: current.version })}
        </Typography.Text>
      </Space>
    </Form>
  );
}
