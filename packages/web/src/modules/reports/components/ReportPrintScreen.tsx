import { useState } from 'react';
import { Button, Space } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { chinaDate } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { NotFoundResult, PageContainer } from '../../ui';
import { useAssessment, useDispatchReport, useTownshipReview } from '../hooks/useReports';
import { REPORTS_PATH, defaultReportParams, isReportKind, parseReportParams, reportQuery } from '../reportParams';
import { AssessmentSheet } from './AssessmentSheet';
import { DispatchSheet } from './DispatchSheet';
import { ReportBody } from './ReportBody';
import { ReviewSheet } from './ReviewSheet';
import './reports.css';

/** /reports/print/:kind?…: the report alone on A4 paper (header, menu and toolbar are left off the print). */
export function ReportPrintScreen() {
  const { t } = useI18n();
  const { kind } = useParams();
  const { region } = useCurrentRegion();
  const [search] = useSearchParams();
  const [today] = useState(() => chinaDate(new Date().toISOString()) ?? new Date().toISOString().slice(0, 10));
  const params = parseReportParams(search, defaultReportParams(today, region.code));
  const valid = isReportKind(kind);
  const dispatch = useDispatchReport(params.region, params.month, kind === 'dispatch');
  const review = useTownshipReview(params.region, params.date, kind === 'township-review');
  const assessment = useAssessment(params.region, params.year, params.quarter, kind === 'assessment');
  if (!valid) return <NotFoundResult />;
  const ready = kind === 'dispatch' ? !!dispatch.data : kind === 'township-review' ? !!review.data : !!assessment.data;
  const tab = new URLSearchParams({ tab: kind, ...Object.fromEntries(reportQuery(kind, params)) });

  return (
    <PageContainer
      title={t(kind === 'dispatch' ? 'reports.tab.dispatch' : kind === 'township-review' ? 'reports.tab.review' : 'reports.tab.assessment')}
      testId="report-print-page"
      extra={
        <Space className="report-toolbar">
          <Link to={`${REPORTS_PATH}?${tab.toString()}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('reports.back')}</Button>
          </Link>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()} data-testid="report-print">
            {t('reports.print')}
          </Button>
        </Space>
      }
    >
      {kind === 'dispatch' ? <ReportBody query={dispatch}>{(data) => <DispatchSheet report={data} />}</ReportBody> : null}
      {kind === 'township-review' ? <ReportBody query={review}>{(data) => <ReviewSheet review={data} />}</ReportBody> : null}
      {kind === 'assessment' ? <ReportBody query={assessment}>{(data) => <AssessmentSheet report={data} />}</ReportBody> : null}
    </PageContainer>
  );
}
