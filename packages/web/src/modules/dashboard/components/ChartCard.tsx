import type { ReactNode } from 'react';
import { Card } from 'antd';
import { useNavigate } from 'react-router';
import type { EChartsCoreOption } from 'echarts/core';
import { useI18n } from '../../i18n';
import { EChart, type EChartClick } from '../../ui';
import type { ClickableItem } from '../charts/chartTypes';
import type { DrillTo } from '../types';
import { ExplainTip } from './ExplainTip';

interface ChartCardProps {
  title: string;
  explain: string;
  option: EChartsCoreOption;
  height?: number;
  testId: string;
  /** Where a click on an item carrying a `metric` goes (the household list of that metric). */
  drillTo?: DrillTo;
  onItemClick?: (event: EChartClick) => void;
  extra?: ReactNode;
  children?: ReactNode;
}

/** A titled dashboard chart (SVG, so it prints sharply and each bar is its own element); a bar opens its households. */
export function ChartCard({ title, explain, option, height = 280, testId, drillTo, onItemClick, extra, children }: ChartCardProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const onClick = (event: EChartClick) => {
    if (onItemClick) return onItemClick(event);
    const item = event.data as ClickableItem | undefined;
    if (item?.metric && drillTo) void navigate(drillTo(item.metric, item.group));
  };
  return (
    <Card
      size="small"
      title={
        <span>
          {title}
          <ExplainTip text={explain} />
        </span>
      }
      extra={extra}
      style={{ height: '100%' }}
    >
      <EChart option={option} height={height} testId={testId} renderer="svg" onClick={onClick} ariaLabel={t('dashboard.chart.aria', { title })} />
      {children}
    </Card>
  );
}
