import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, InputNumber, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { describeRule, type AssessmentRule, type AssessmentRules } from '@zengshou/core';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { useAssessmentRules, useSaveAssessmentRules } from '../hooks/useReports';
import { newRule, rulesProblems } from '../reportParams';
import { AssessmentRuleFields } from './AssessmentRuleFields';

/** 考核计分规则 of a region (targets:manage): the base score and the rules, checked by core's schema before saving. */
export function AssessmentRulesEditor({ region }: { region: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stored = useAssessmentRules(region);
  const save = useSaveAssessmentRules();
  const [draft, setDraft] = useState<AssessmentRules | null>(null);
  useEffect(() => setDraft(stored.data ? structuredClone(stored.data.rules) : null), [stored.data]);

  if (!stored.data || !draft) return null;
  const state = stored.data;
  const problems = rulesProblems(draft);
  const setRule = (index: number, rule: AssessmentRule) => setDraft({ ...draft, rules: draft.rules.map((r, i) => (i === index ? rule : r)) });

  const submit = (rules: AssessmentRules | null) =>
    save.mutate(
      { version: state.version, region: state.region.code, rules },
      {
        onSuccess: () => void message.success(t('reports.rules.saved')),
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            void message.warning(t('reports.rules.conflict'));
            void stored.refetch();
          } else void message.error(error.message);
        },
      },
    );

  return (
    <Card
      size="small"
      title={t('reports.rules.title')}
      className="no-print"
      data-testid="assessment-rules"
      extra={<Tag>{state.own ? t('reports.rules.own') : state.setFor ? t('reports.rules.inherited', { from: state.setFor.name }) : t('reports.rules.defaults')}</Tag>}
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('reports.rules.hint')}</Typography.Text>
        <Space>
          {t('reports.rules.baseScore')}
          <InputNumber min={0} max={1000} value={draft.baseScore} onChange={(v) => setDraft({ ...draft, baseScore: v ?? 0 })} data-testid="assessment-base-score" />
        </Space>
        {draft.rules.map((rule, index) => (
          <Card key={index} size="small" type="inner" title={`${index + 1}. ${describeRule(rule)}`}
            extra={<Button size="small" danger icon={<DeleteOutlined />} onClick={() => setDraft({ ...draft, rules: draft.rules.filter((_, i) => i !== index) })}>{t('reports.rules.remove')}</Button>}>
            <AssessmentRuleFields rule={rule} onChange={(r) => setRule(index, r)} />
          </Card>
        ))}
        {problems.length > 0 ? <Alert type="error" showIcon title={problems.join('；')} data-testid="assessment-rules-problems" /> : null}
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => setDraft({ ...draft, rules: [...draft.rules, newRule('per_item')] })}>{t('reports.rules.add')}</Button>
          <Button type="primary" loading={save.isPending} disabled={problems.length > 0} onClick={() => submit(draft)} data-testid="assessment-rules-save">
            {t('reports.rules.save')}
          </Button>
          {state.own ? <Button onClick={() => submit(null)}>{t('reports.rules.reset')}</Button> : null}
        </Space>
      </Flex>
    </Card>
  );
}
