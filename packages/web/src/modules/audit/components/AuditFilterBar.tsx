import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n';
import { AUDIT_ACTION_LABEL_KEYS, AUDIT_OUTCOMES, AUDIT_OUTCOME_LABEL_KEYS } from '../actions';
import type { AuditFilters, AuditOutcome } from '../types';

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  username?: string;
  action?: string;
  outcome?: AuditOutcome;
}

/** Whole days in local time: "from 3 May to 5 May" includes everything on the 5th. */
function toFilters(values: FilterValues): AuditFilters {
  const [start, end] = values.range ?? [null, null];
  return {
    from: start ? start.startOf('day').toISOString() : undefined,
    to: end ? end.endOf('day').toISOString() : undefined,
    username: values.username?.trim() || undefined,
    action: values.action || undefined,
    outcome: values.outcome,
  };
}

export function AuditFilterBar({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const actionOptions = Object.entries(AUDIT_ACTION_LABEL_KEYS).map(([value, key]) => ({ value, label: t(key) }));
  const outcomeOptions = AUDIT_OUTCOMES.map((value) => ({ value, label: t(AUDIT_OUTCOME_LABEL_KEYS[value]) }));

  return (
    <Form<FilterValues>
      form={form}
      layout="inline"
      className="filter-bar no-print"
      onFinish={(values) => onChange(toFilters(values))}
      data-testid="audit-filters"
    >
      <Form.Item name="range" label={t('audit.filter.range')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-filter-range" />
      </Form.Item>
      <Form.Item name="username" label={t('audit.filter.username')}>
        <Input allowClear style={{ width: 140 }} data-testid="audit-filter-username" />
      </Form.Item>
      <Form.Item name="action" label={t('audit.filter.action')}>
        <Select allowClear style={{ width: 160 }} options={actionOptions} placeholder={t('common.all')} data-testid="audit-filter-action" />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.filter.outcome')}>
        <Select allowClear style={{ width: 110 }} options={outcomeOptions} placeholder={t('common.all')} data-testid="audit-filter-outcome" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
            data-testid="audit-reset"
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
