import { useState } from 'react';
import { Button, Card } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import type { Member } from '../types';
import { MemberFormModal } from './MemberFormModal';
import { MembersTable } from './MembersTable';

type Dialog = { kind: 'create' } | { kind: 'edit'; member: Member } | null;

export function MembersCard({ householdId, members, canWrite }: { householdId: string; members: Member[]; canWrite: boolean }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <Card
      title={t('member.title', { count: members.length })}
      data-testid="members-section"
      extra={
        canWrite ? (
          <Button icon={<UserAddOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="member-add" className="no-print">
            {t('member.add')}
          </Button>
        ) : null
      }
    >
      <MembersTable members={members} onEdit={canWrite ? (member) => setDialog({ kind: 'edit', member }) : undefined} />
      {dialog?.kind === 'create' ? <MemberFormModal householdId={householdId} onClose={close} /> : null}
      {dialog?.kind === 'edit' ? (
        <MemberFormModal key={dialog.member.id} householdId={householdId} member={dialog.member} onClose={close} />
      ) : null}
    </Card>
  );
}
