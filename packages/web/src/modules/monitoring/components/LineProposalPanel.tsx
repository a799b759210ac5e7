import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, InputNumber, Tabs, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { formatYuan } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { proposeLine, yuanText, type Proposal, type ProposalMethod, type ProposalValues } from '../lineForm';

interface LineProposalPanelProps {
  /** The line in force the year before the form's year, as the starting point of the three-factor formula. */
  previousLineFen: number | null;
  onAdopt: (proposal: Proposal) => void;
}

const pct = { min: -50, max: 100, step: 0.1, style: { width: '100%' } } as const;

/** 测算: next year's line by the three factors or as a multiple of the dibao standard (the core's formulas). */
export function LineProposalPanel({ previousLineFen, onAdopt }: LineProposalPanelProps) {
  const { t } = useI18n();
  const [method, setMethod] = useState<ProposalMethod>('factors');
  const [values, setValues] = useState<ProposalValues>({
    previousLineYuan: previousLineFen === null ? undefined : yuanText(previousLineFen),
    multiple: 2,
  });
  const outcome = proposeLine(method, values);

  const fields =
    method === 'factors' ? (
      <div data-testid="line-propose-factors">
        <Form.Item name="previousLineYuan" label={t('lines.propose.previous')}>
          <Input inputMode="decimal" data-testid="line-propose-previous" />
        </Form.Item>
        <Form.Item name="cpiGrowthPct" label={t('lines.propose.cpi')}>
          <InputNumber {...pct} data-testid="line-propose-cpi" />
        </Form.Item>
        <Form.Item name="ruralIncomeGrowthPct" label={t('lines.propose.income')}>
          <InputNumber {...pct} data-testid="line-propose-income" />
        </Form.Item>
        <Form.Item name="dibaoGrowthPct" label={t('lines.propose.dibaoGrowth')}>
          <InputNumber {...pct} data-testid="line-propose-dibao-growth" />
        </Form.Item>
      </div>
    ) : (
      <div data-testid="line-propose-dibao">
        <Form.Item name="dibaoStandardYuan" label={t('lines.propose.dibaoStandard')}>
          <Input inputMode="decimal" data-testid="line-propose-dibao-standard" />
        </Form.Item>
        <Form.Item name="multiple" label={t('lines.propose.multiple')}>
          <InputNumber min={0.1} max={10} step={0.1} style={{ width: '100%' }} data-testid="line-propose-multiple" />
        </Form.Item>
      </div>
    );

  return (
    <Card size="small" title={t('lines.propose.title')} data-testid="line-propose">
      <Tabs
        size="small"
        activeKey={method}
        onChange={(key) => setMethod(key as ProposalMethod)}
        items={[
          { key: 'factors', label: <span data-testid="line-propose-tab-factors">{t('lines.propose.factors')}</span> },
          { key: 'dibao_multiple', label: <span data-testid="line-propose-tab-dibao">{t('lines.propose.dibao')}</span> },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {method === 'factors' ? t('lines.propose.hintFactors') : t('lines.propose.hintDibao')}
      </Typography.Paragraph>
      <Form<ProposalValues> layout="vertical" initialValues={values} onValuesChange={(_, all) => setValues((v) => ({ ...v, ...all }))}>
        {fields}
      </Form>
      {outcome === null ? (
        <Typography.Text type="secondary">{t('lines.propose.incomplete')}</Typography.Text>
      ) : outcome.ok ? (
        <Alert
          type="success"
          data-testid="line-propose-result"
          data-amount-fen={outcome.proposal.amountFen}
          title={t('lines.propose.result', { amount: formatYuan(outcome.proposal.amountFen) })}
          description={
            <Flex vertical gap={8} align="flex-start">
              <span data-testid="line-propose-explanation">{outcome.proposal.explanation}</span>
              <Button type="primary" size="small" icon={<CheckOutlined />} onClick={() => onAdopt(outcome.proposal)} data-testid="line-propose-adopt">
                {t('lines.propose.adopt')}
              </Button>
            </Flex>
          }
        />
      ) : (
        <Alert type="warning" showIcon title={outcome.message} data-testid="line-propose-error" />
      )}
    </Card>
  );
}
