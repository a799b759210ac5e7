import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { formatDateTime } from '../../ui';
import type { Member, MemberMove } from '../types';

interface MemberMovesTableProps {
  householdId: string;
  moves: MemberMove[];
  /** Current members, to name those who moved in. */
  members: Member[];
}

/** Members who moved into or out of this household (records are kept, never deleted). */
export function MemberMovesTable({ householdId, moves, members }: MemberMovesTableProps) {
  const { t } = useI18n();
  const nameOf = new Map(members.map((m) => [m.id, m.name]));
  return (
    <Table<MemberMove>
      rowKey={(m) => `${m.member_id}-${m.moved_at}`}
      size="small"
      pagination={false}
      dataSource={[...moves].sort((a, b) => b.moved_at.localeCompare(a.moved_at))}
      data-testid="member-moves"
      locale={{ emptyText: t('moves.empty') }}
      columns={[
        { title: t('history.column.time'), key: 'time', render: (_, m) => formatDateTime(m.moved_at) },
        {
          title: t('moves.direction'),
          key: 'direction',
          render: (_, m) =>
            m.to_household_id === householdId ? <Tag color="green">{t('moves.in')}</Tag> : <Tag>{t('moves.out')}</Tag>,
        },
        { title: t('member.field.name'), key: 'name', render: (_, m) => nameOf.get(m.member_id) ?? t('moves.formerMember') },
        { title: t('moves.reason'), dataIndex: 'reason', key: 'reason' },
      ]}
    />
  );
}
