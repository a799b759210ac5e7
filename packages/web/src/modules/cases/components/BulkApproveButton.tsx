import { App, Button } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { caseLabel } from '../caseLabels';
import type { BulkGroup } from '../caseList';
import { useBulkCaseStep } from '../hooks/useCaseMutations';
import type { BulkResult } from '../types';

interface BulkApproveButtonProps {
  groups: BulkGroup[];
  onDone: (result: BulkResult) => void;
}

/** 批量通过: one confirmation listing how many cases each step passes, then the applied / refused summary. */
export function BulkApproveButton({ groups, onDone }: BulkApproveButtonProps) {
  const { t, language } = useI18n();
  const { modal } = App.useApp();
  const bulk = useBulkCaseStep();
  const count = groups.reduce((n, g) => n + g.items.length, 0);

  const confirm = () => {
    modal.confirm({
      title: t('cases.bulk.confirmTitle', { count }),
      content: (
        <div data-testid="case-bulk-confirm-content">
          <ul style={{ paddingInlineStart: 20, margin: '8px 0' }}>
            {groups.map((g) => (
              <li key={g.step}>{t('cases.bulk.confirmStep', { step: caseLabel('event', g.step, language), count: g.items.length })}</li>
            ))}
          </ul>
          {t('cases.bulk.confirmNote')}
        </div>
      ),
      okText: t('cases.bulk.confirmOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'case-bulk-confirm' },
      cancelButtonProps: { 'data-testid': 'case-bulk-cancel' },
      // Resolving after the requests keeps the dialog busy (and open) while they run.
      onOk: () => bulk.mutateAsync(groups.map((g) => ({ step: g.step, items: g.items }))).then(onDone),
    });
  };

  return (
    <Button type="primary" icon={<CheckOutlined />} disabled={count === 0} loading={bulk.isPending} onClick={confirm} data-testid="case-bulk-approve">
      {t('cases.bulk.button', { count })}
    </Button>
  );
}
