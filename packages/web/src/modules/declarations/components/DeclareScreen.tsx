import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Result, Typography, message } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import {
  DECLARATION_DESCRIPTION_MAX, DECLARATION_PRIVACY_NOTICE, DIFFICULTY_TYPES, DIFFICULTY_TYPE_LABELS, declarationInputSchema, formatReceiptCode,
  type DeclarationInput,
} from '@zengshou/core';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { fieldErrorsFromServer, schemaRule } from '../../ui';
import { publicVillagePath, submitDeclaration } from '../api/declarationsApi';
import { DECLARE_STATUS_PATH } from '../paths';
import { VillagePicker } from './VillagePicker';
import '../declarations.css';

const shape = declarationInputSchema.shape;
const VILLAGE = /^\d{12}$/;

/** 农户自主申报: the public, sign-in-free form a villager reaches by scanning the village's QR code. */
export function DeclareScreen() {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const fromQr = search.get('village');
  const qrVillage = useQuery({
    queryKey: ['public-village', fromQr],
    queryFn: () => publicVillagePath(fromQr!),
    enabled: fromQr !== null && VILLAGE.test(fromQr),
    retry: false,
    staleTime: 3_600_000,
  });
  const [picking, setPicking] = useState(false);
  const [form] = Form.useForm();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);

  const knownVillage = !picking && qrVillage.data ? qrVillage.data : null;
  const villagePath = knownVillage?.path.slice(2).map((p) => p.name).join(' ');

  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    const body = { ...values, villageCode: knownVillage ? knownVillage.code : values.villageCode, consent: values.consent === true };
    const parsed = declarationInputSchema.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '');
      return;
    }
    setSending(true);
    try {
      const r = await submitDeclaration(parsed.data as DeclarationInput);
      setReceipt(r.receiptCode);
      window.scrollTo(0, 0);
    } catch (e) {
      const fields = fieldErrorsFromServer(e);
      if (fields.length > 0) form.setFields(fields);
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setSending(false);
    }
  };

  if (receipt) {
    const copy = async () => {
      try {
        await navigator.clipboard.writeText(receipt);
        void message.success(t('declare.copied'));
      } catch {
        /* no clipboard (http, old browser): the code is large on screen to copy by hand */
      }
    };
    return (
      <main className="declare-page" data-testid="declare-receipt">
        <Result status="success" title={t('declare.receiptTitle')} style={{ padding: '16px 0' }} />
        <Typography.Text type="secondary">{t('declare.receiptCode')}</Typography.Text>
        <div className="declare-receipt-code" data-testid="declare-receipt-code" data-code={receipt}>
          {formatReceiptCode(receipt)}
        </div>
        <Button block size="large" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="declare-copy">
          {t('declare.copy')}
        </Button>
        <Alert style={{ margin: '16px 0' }} type="info" showIcon message={t('declare.receiptHint')} />
        <Link to={`${DECLARE_STATUS_PATH}?receiptCode=${receipt}`}>
          <Button block size="large" type="primary" data-testid="declare-to-status">
            {t('declare.toStatus')}
          </Button>
        </Link>
      </main>
    );
  }

  return (
    <main className="declare-page" data-testid="declare-page">
      <h1>{t('declare.title')}</h1>
      <Typography.Paragraph type="secondary">{t('declare.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v as Record<string, unknown>)} data-testid="declare-form" requiredMark={false}>
        {knownVillage ? (
          <Form.Item label={t('declare.village')}>
            <div data-testid="declare-village" data-village-code={knownVillage.code} style={{ fontSize: 16 }}>
              {villagePath}{' '}
              <Button type="link" size="small" onClick={() => setPicking(true)} data-testid="declare-village-change">
                {t('declare.villageChange')}
              </Button>
            </div>
          </Form.Item>
        ) : (
          <Form.Item label={t('declare.village')} name="villageCode" rules={[{ required: true, message: t('declare.villageRequired') }]} extra={t('declare.villagePick')}>
            <VillagePicker />
          </Form.Item>
        )}
        <Form.Item label={t('declare.name')} name="name" rules={[schemaRule(shape.name)]}>
          <Input autoComplete="name" maxLength={50} data-testid="declare-name" />
        </Form.Item>
        <Form.Item label={t('declare.phone')} name="phone" rules={[schemaRule(shape.phone)]}>
          <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={30} data-testid="declare-phone" />
        </Form.Item>
        <Form.Item label={t('declare.idNumber')} name="idNumber" rules={[schemaRule(shape.idNumber)]}>
          <Input autoComplete="off" maxLength={18} data-testid="declare-id-number" />
        </Form.Item>
        <Form.Item label={t('declare.difficulties')} name="difficulties" rules={[schemaRule(shape.difficulties)]}>
          <Checkbox.Group
            data-testid="declare-difficulties"
            options={DIFFICULTY_TYPES.map((d) => ({ value: d, label: <span data-testid={`declare-difficulty-${d}`}>{DIFFICULTY_TYPE_LABELS[d]}</span> }))}
          />
        </Form.Item>
        <Form.Item label={t('declare.description')} name="description" rules={[schemaRule(shape.description)]}>
          <Input.TextArea rows={4} showCount maxLength={DECLARATION_DESCRIPTION_MAX} placeholder={t('declare.descriptionPlaceholder')} data-testid="declare-description" />
        </Form.Item>
        <div className="declare-notice" data-testid="declare-notice">
          <Typography.Text strong>{t('declare.noticeTitle')}</Typography.Text>
          {DECLARATION_PRIVACY_NOTICE.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
        <Form.Item name="consent" valuePropName="checked" rules={[schemaRule(shape.consent)]}>
          <Checkbox data-testid="declare-consent">{t('declare.consent')}</Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="declare-error" />}
        <Button type="primary" htmlType="submit" block size="large" loading={sending} data-testid="declare-submit" style={{ height: 48 }}>
          {t('declare.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        <Link to={DECLARE_STATUS_PATH} data-testid="declare-status-link">{t('declare.toStatus')}</Link> · {t('declare.hotline')}
      </Typography.Paragraph>
    </main>
  );
}
