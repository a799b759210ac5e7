import { Col, Divider, Form, Input, Row, Typography, type FormRule } from 'antd';
import { computeIncome, formatYuan, parseYuan, sumIncomePart } from '@zengshou/core';
import type { I18n } from '../../i18n';
import { useIncomeText } from '../hooks/useIncomeText';
import { previewItems, type ItemTexts } from '../incomeEntry';
import { ITEM_GROUPS, itemsOfGroup } from '../incomeLabels';

/** Amount in yuan: blank is 0; otherwise core's money parser decides, with its Chinese message. */
function amountRule(t: I18n['t']): FormRule {
  return {
    validator: (_rule, value: string | undefined) => {
      if (!value || value.trim() === '') return Promise.resolve();
      const parsed = parseYuan(value);
      if (!parsed.ok) return Promise.reject(new Error(parsed.message));
      return parsed.fen < 0 ? Promise.reject(new Error(t('income.form.negative'))) : Promise.resolve();
    },
  };
}

/** All sub-items, grouped by wheel, with subtotals and an estimated per-capita figure as the clerk types. */
export function IncomeItemsFields({ householdSize }: { householdSize: number }) {
  const { t, item, part } = useIncomeText();
  const texts = Form.useWatch<ItemTexts | undefined>('items');
  const items = previewItems(texts);
  const rule = amountRule(t);
  const estimate = householdSize >= 1 ? computeIncome(items, householdSize) : null;

  return (
    <>
      {ITEM_GROUPS.map((group) => (
        <div key={group} data-testid={`income-group-${group}`}>
          <Divider titlePlacement="start" plain style={{ margin: '12px 0 8px' }}>
            <Typography.Text strong>{group === 'recorded' ? t('income.group.recorded') : part(group)}</Typography.Text>
            {group !== 'recorded' ? (
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t('income.form.subtotal', { amount: formatYuan(sumIncomePart(items, group)) })}
              </Typography.Text>
            ) : null}
          </Divider>
          {group === 'recorded' ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
              {t('income.group.recordedHint')}
            </Typography.Paragraph>
          ) : null}
          <Row gutter={16}>
            {itemsOfGroup(group).map((def) => (
              <Col key={def.key} xs={24} sm={12} lg={8}>
                <Form.Item name={['items', def.key]} label={item(def.key)} rules={[rule]} validateFirst>
                  <Input inputMode="decimal" placeholder="0.00" suffix={t('income.yuan')} data-testid={`income-item-${def.key}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
      {estimate ? (
        <Typography.Paragraph type="secondary" data-testid="income-estimate" style={{ marginBottom: 0 }}>
          {t('income.form.estimate', {
            net: formatYuan(estimate.net),
            size: estimate.householdSize,
            perCapita: formatYuan(estimate.perCapitaNet),
          })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
