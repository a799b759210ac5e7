import { useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Space, Typography } from 'antd';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { SETTINGS_FIELDS } from '../fields';
import { useSaveSettings } from '../hooks/useSaveSettings';
import type { SecuritySettings, VersionedSettings } from '../types';

interface SettingsFormProps {
  /** The stored settings; after a conflict this is refreshed while the form keeps the user's edits. */
  current: VersionedSettings;
  /** Re-reads the stored settings and returns them. */
  onReload: () => Promise<VersionedSettings | undefined>;
}

export function SettingsForm({ current, onReload }: SettingsFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const save = useSaveSettings();
  const [conflict, setConflict] = useState(false);

  const submit = (settings: SecuritySettings) =>
    save.mutate(
      { version: current.version, settings },
      {
        onSuccess: (saved) => {
          setConflict(false);
          form.setFieldsValue(saved.settings);
          void message.success(t('settings.saved'));
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            setConflict(true);
            void onReload();
          }
        },
      },
    );

  const discardEdits = async () => {
    const fresh = await onReload();
    if (fresh) form.setFieldsValue(fresh.settings);
    setConflict(false);
    save.reset();
  };

  return (
    <Form<SecuritySettings>
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={current.settings}
      onFinish={submit}
      data-testid="settings-form"
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="settings-conflict"
          style={{ marginBottom: 16 }}
          title={t('settings.conflict')}
          action={
            <Button size="small" onClick={() => void discardEdits()} data-testid="settings-reload">
              {t('settings.reload')}
            </Button>
          }
        />
      ) : null}
      {save.error && !conflict ? (
        <Alert type="error" showIcon title={save.error.message} data-testid="settings-error" style={{ marginBottom: 16 }} />
      ) : null}
      {SETTINGS_FIELDS.map((field) => (
        <Form.Item
          key={field.name}
          name={field.name}
          label={t(field.labelKey)}
          extra={t(field.helpKey)}
          rules={[
            { required: true, message: t('settings.required') },
            { type: 'integer', min: field.min, max: field.max, message: t('settings.range', { min: field.min, max: field.max }) },
          ]}
        >
          <InputNumber
            min={field.min}
            max={field.max}
            precision={0}
            style={{ width: 200 }}
            suffix={field.unitKey ? t(field.unitKey) : undefined}
            data-testid={`settings-${field.name}`}
          />
        </Form.Item>
      ))}
      <Space align="center">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
          {t('common.save')}
        </Button>
        <Typography.Text type="secondary" data-testid="settings-version">
          {t('settings.version', { version: current.version })}
        </Typography.Text>
      </Space>
    </Form>
  );
}
