import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { declarationStatusQuerySchema, formatReceiptCode } from '@zengshou/core';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { schemaRule } from '../../ui';
import { lookupDeclaration } from '../api/declarationsApi';
import { DECLARE_PATH } from '../paths';
import type { DeclarationStageAnswer } from '../types';
import '../declarations.css';

const shape = declarationStatusQuerySchema.shape;

/** The declarant's progress: the stage only, found by receipt code + the last 4 of the ID number. */
export function DeclarationStatusScreen() {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const [answer, setAnswer] = useState<DeclarationStageAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookup = async (v: { receiptCode: string; idLast4: string }) => {
    setError(null);
    setAnswer(null);
    const parsed = declarationStatusQuerySchema.safeParse(v);
    if (!parsed.success) return;
    setBusy(true);
    try {
      setAnswer(await lookupDeclaration(parsed.data.receiptCode, parsed.data.idLast4));
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const initial = search.get('receiptCode');
  return (
    <main className="declare-page" data-testid="declare-status-page">
      <h1>{t('declareStatus.title')}</h1>
      <Form layout="vertical" size="large" requiredMark={false} initialValues={{ receiptCode: initial ? formatReceiptCode(initial) : '' }} onFinish={(v) => void lookup(v as { receiptCode: string; idLast4: string })}>
        <Form.Item label={t('declareStatus.receiptCode')} name="receiptCode" rules={[schemaRule(shape.receiptCode)]}>
          <Input autoComplete="off" maxLength={20} style={{ textTransform: 'uppercase' }} data-testid="declare-status-code" />
        </Form.Item>
        <Form.Item label={t('declareStatus.idLast4')} name="idLast4" rules={[schemaRule(shape.idLast4)]}>
          <Input autoComplete="off" maxLength={4} data-testid="declare-status-last4" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} style={{ height: 48 }} data-testid="declare-status-submit">
          {t('declareStatus.submit')}
        </Button>
      </Form>
      {error && <Alert style={{ marginTop: 16 }} type="warning" showIcon message={error} data-testid="declare-status-error" />}
      {answer && (
        <Descriptions style={{ marginTop: 16 }} column={1} bordered size="small" data-testid="declare-status-result">
          <Descriptions.Item label={t('declareStatus.stage')}>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="declare-status-stage" data-stage={answer.stage}>
              {answer.stageLabel}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('declareStatus.submittedDate')}>
            <span data-testid="declare-status-date">{answer.submittedDate}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to={DECLARE_PATH}>{t('declareStatus.toForm')}</Link>
      </Typography.Paragraph>
    </main>
  );
}
