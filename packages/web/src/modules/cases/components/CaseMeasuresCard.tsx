import type { HTMLAttributes, ReactNode } from 'react';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { formatYuan, type CaseMeasure } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { caseLabel } from '../caseLabels';

const STATUS_COLOR = { planned: 'default', in_progress: 'processing', done: 'success' } as const;

interface CaseMeasuresCardProps {
  measures: CaseMeasure[];
  /** Present when the user may update measures now: opens the update form for one measure. */
  onUpdate?: (measureId: string) => void;
  extra?: ReactNode;
}

/** 帮扶措施: category, owner, plan and progress of each measure (缺什么补什么). */
export function CaseMeasuresCard({ measures, onUpdate, extra }: CaseMeasuresCardProps) {
  const { t, language } = useI18n();
  const columns: TableColumnsType<CaseMeasure> = [
    {
      title: t('case.measures.category'),
      key: 'category',
      render: (_, m) => (
        <>
          {caseLabel('measure', m.category, language)}
          {m.beforeIdentification ? (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('case.measures.beforeIdentification')}
            </Tag>
          ) : null}
        </>
      ),
    },
    { title: t('case.measures.owner'), dataIndex: 'owner', key: 'owner' },
    { title: t('case.measures.plannedDate'), dataIndex: 'plannedDate', key: 'plannedDate', width: 110 },
    {
      title: t('case.measures.amount'),
      key: 'amount',
      width: 120,
      align: 'right',
      render: (_, m) => (m.amountFen === undefined || m.amountFen === null ? '—' : formatYuan(m.amountFen)),
    },
    {
      title: t('case.measures.status'),
      key: 'status',
      width: 100,
      render: (_, m) => <Tag color={STATUS_COLOR[m.status] ?? 'default'}>{caseLabel('measureStatus', m.status, language)}</Tag>,
    },
    { title: t('case.measures.actualDate'), key: 'actualDate', width: 110, render: (_, m) => m.actualDate ?? '—' },
    ...(onUpdate
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, m: CaseMeasure) =>
              m.status === 'done' ? null : (
                <Button size="small" onClick={() => onUpdate(m.measureId)} data-testid={`case-measure-update-${m.measureId}`}>
                  {t('case.measures.update')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Card title={t('case.measures.title')} extra={extra} data-testid="case-measures" data-count={measures.length}>
      <Table<CaseMeasure>
        rowKey="measureId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={measures}
        scroll={{ x: 720 }}
        onRow={(m) => ({ 'data-testid': `case-measure-${m.measureId}`, 'data-status': m.status }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('case.measures.empty') }}
      />
    </Card>
  );
}
