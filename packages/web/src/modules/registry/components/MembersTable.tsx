import type { HTMLAttributes } from 'react';
import { Button, Table, Typography, type TableColumnsType } from 'antd';
import {
  DISABILITY_GRADE,
  EMPLOYMENT_PLACE,
  EMPLOYMENT_STATUS,
  HEALTH,
  LABOUR_CAPACITY,
  RELATION,
  SCHOOLING,
  SCHOOLING_STATUS,
  SEX,
} from '@zengshou/core';
import { useI18n } from '../../i18n';
import { useEnumLabel } from '../hooks/useEnumLabel';
import type { Member } from '../types';

interface MembersTableProps {
  members: Member[];
  /** Absent when the user may not edit. */
  onEdit?: (member: Member) => void;
}

function secondary(text: string) {
  return text ? (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    </div>
  ) : null;
}

/** Members with masked ID numbers (full numbers only through 查看完整信息, which is audited). */
export function MembersTable({ members, onEdit }: MembersTableProps) {
  const { t } = useI18n();
  const { label } = useEnumLabel();

  const columns: TableColumnsType<Member> = [
    { title: t('member.field.name'), dataIndex: 'name', key: 'name', fixed: 'left' },
    {
      title: t('member.field.idNumber'),
      key: 'idNumber',
      render: (_, m) => <span className="mono">{m.idNumber}</span>,
    },
    { title: t('member.field.sex'), key: 'sex', render: (_, m) => label(SEX, m.sex) || '—' },
    { title: t('member.field.birthYear'), key: 'birth', render: (_, m) => m.birthDate.slice(0, 4) },
    { title: t('member.field.relation'), key: 'relation', render: (_, m) => label(RELATION, m.relation) },
    { title: t('member.field.labourCapacity'), key: 'labour', render: (_, m) => label(LABOUR_CAPACITY, m.labourCapacity) },
    {
      title: t('member.field.health'),
      key: 'health',
      render: (_, m) => (
        <>
          {label(HEALTH, m.health)}
          {secondary(label(DISABILITY_GRADE, m.disabilityGrade))}
        </>
      ),
    },
    {
      title: t('member.field.schooling'),
      key: 'schooling',
      render: (_, m) => (
        <>
          {label(SCHOOLING, m.schooling)}
          {secondary(label(SCHOOLING_STATUS, m.schoolingStatus))}
        </>
      ),
    },
    {
      title: t('member.field.employmentStatus'),
      key: 'employment',
      render: (_, m) => (
        <>
          {label(EMPLOYMENT_STATUS, m.employmentStatus)}
          {secondary(label(EMPLOYMENT_PLACE, m.employmentPlace))}
        </>
      ),
    },
    { title: t('member.field.skills'), key: 'skills', render: (_, m) => m.skills || '—' },
  ];
  if (onEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      className: 'no-print',
      render: (_, m) => (
        <Button type="link" size="small" onClick={() => onEdit(m)} data-testid={`member-edit-${m.name}`} data-member-id={m.id}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Table<Member>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={members}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="members-table"
      onRow={(m) => ({ 'data-testid': `member-row-${m.name}`, 'data-member-id': m.id }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('member.empty') }}
    />
  );
}
