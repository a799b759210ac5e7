import { Button } from 'antd';
import { FolderOpenOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { useCanOpenLead } from '../hooks/useCanOpenLead';
import { useOpenLeadAndGo } from '../hooks/useOpenLeadAndGo';
import { casePath } from '../paths';

interface WarningLeadButtonProps {
  warningId: string;
  householdId: string;
  /** The case this warning already became a lead of: the row links to it instead. */
  caseId?: string | null;
}

/** 转为线索 on an open warning: opens a case from the warning (source 'warning') and goes to it. */
export function WarningLeadButton({ warningId, householdId, caseId }: WarningLeadButtonProps) {
  const { t } = useI18n();
  const canOpen = useCanOpenLead();
  const lead = useOpenLeadAndGo();
  if (caseId) {
    return (
      <Link to={casePath(caseId)}>
        <Button size="small" type="link" icon={<FolderOpenOutlined />} data-testid="case-view-case">
          {t('timeline.openCase')}
        </Button>
      </Link>
    );
  }
  if (!canOpen) return null;
  return (
    <Button
      size="small"
      icon={<NodeIndexOutlined />}
      loading={lead.pending}
      onClick={() => lead.run({ householdId, source: 'warning', warningId })}
      data-testid="case-open-lead"
    >
      {t('lead.warningButton')}
    </Button>
  );
}
