import { useState } from 'react';
import { Alert, DatePicker, Flex, Form, Select, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { chinaDate } from '@zengshou/core';
import { hasPermission, useCurrentUser } from '../../auth';
import { useI18n } from '../../i18n';
import { RegionTreeSelect, useCurrentRegion } from '../../regions';
import { PageContainer } from '../../ui';
import { useAssessment, useDispatchReport, useTownshipReview } from '../hooks/useReports';
import { defaultReportParams, isReportKind, parseReportParams } from '../reportParams';
import type { ReportKind, ReportParams } from '../types';
import { AssessmentRulesEditor } from './AssessmentRulesEditor';
import { AssessmentSheet } from './AssessmentSheet';
import { DispatchSheet } from './DispatchSheet';
import { ReportBody } from './ReportBody';
import { ReportToolbar } from './ReportToolbar';
import { ReviewSheet } from './ReviewSheet';
import './reports.css';

/** 调度与考核: the monthly dispatch, the half-monthly township review and the quarterly assessment, one tab each. */
export function ReportsScreen() {
  const { t } = useI18n();
  const { region } = useCurrentRegion();
  const { user } = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const [today] = useState(() => chinaDate(new Date().toISOString()) ?? new Date().toISOString().slice(0, 10));
  const params = parseReportParams(search, defaultReportParams(today, region.code));
  const tabParam = search.get('tab') ?? undefined;
  const tab: ReportKind = isReportKind(tabParam) ? tabParam : 'dispatch';

  const go = (next: Partial<ReportParams>, nextTab: ReportKind = tab) => {
    const p = { ...params, ...next };
    const query = new URLSearchParams({ tab: nextTab, region: p.region, month: p.month, date: p.date, year: String(p.year), quarter: String(p.quarter) });
    setSearch(query, { replace: true });
  };

  const dispatch = useDispatchReport(params.region, params.month, tab === 'dispatch');
  const review = useTownshipReview(params.region, params.date, tab === 'township-review');
  const assessment = useAssessment(params.region, params.year, params.quarter, tab === 'assessment');
  const thisYear = Number(today.slice(0, 4));

  const regionPicker = (
    <Form.Item label={t('reports.region')}>
      <div style={{ width: 280 }}>
        <RegionTreeSelect value={params.region} onChange={(code) => go({ region: code })} testId="report-region" />
      </div>
    </Form.Item>
  );

  return (
    <PageContainer title={t('reports.title')} testId="reports-page">
      <Alert type="info" showIcon title={t('reports.rhythm')} style={{ marginBottom: 12 }} />
      <Tabs
        activeKey={tab}
        onChange={(key) => go({}, key as ReportKind)}
        items={[
          {
            key: 'dispatch',
            label: t('reports.tab.dispatch'),
            children: (
              <Flex vertical gap={12}>
                <Flex justify="space-between" wrap gap={12}>
                  <Form layout="inline">
                    {regionPicker}
                    <Form.Item label={t('reports.month')}>
                      <DatePicker picker="month" allowClear={false} value={dayjs(`${params.month}-01`)} onChange={(d) => d && go({ month: d.format('YYYY-MM') })} data-testid="report-month" />
                    </Form.Item>
                  </Form>
                  <ReportToolbar kind="dispatch" params={params} disabled={!dispatch.data} />
                </Flex>
                <ReportBody query={dispatch}>{(data) => <DispatchSheet report={data} />}</ReportBody>
              </Flex>
            ),
          },
          {
            key: 'township-review',
            label: t('reports.tab.review'),
            children: (
              <Flex vertical gap={12}>
                <Flex justify="space-between" wrap gap={12}>
                  <Form layout="inline">
                    {regionPicker}
                    <Form.Item label={t('reports.date')}>
                      <DatePicker allowClear={false} value={dayjs(params.date)} onChange={(d) => d && go({ date: d.format('YYYY-MM-DD') })} data-testid="report-date" />
                    </Form.Item>
                  </Form>
                  <ReportToolbar kind="township-review" params={params} disabled={!review.data} />
                </Flex>
                <ReportBody query={review}>{(data) => <ReviewSheet review={data} />}</ReportBody>
              </Flex>
            ),
          },
          {
            key: 'assessment',
            label: t('reports.tab.assessment'),
            children: (
              <Flex vertical gap={12}>
                <Flex justify="space-between" wrap gap={12}>
                  <Form layout="inline">
                    {regionPicker}
                    <Form.Item label={t('reports.year')}>
                      <Select style={{ width: 100 }} value={params.year} onChange={(year) => go({ year })} options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))} data-testid="report-year" />
                    </Form.Item>
                    <Form.Item label={t('reports.quarter')}>
                      <Select style={{ width: 120 }} value={params.quarter} onChange={(quarter) => go({ quarter })} options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('reports.quarterN', { quarter: q }) }))} data-testid="report-quarter" />
                    </Form.Item>
                  </Form>
                  <ReportToolbar kind="assessment" params={params} disabled={!assessment.data} />
                </Flex>
                <ReportBody query={assessment}>{(data) => <AssessmentSheet report={data} />}</ReportBody>
                {hasPermission(user, 'targets:manage') ? <AssessmentRulesEditor region={params.region} /> : null}
              </Flex>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
