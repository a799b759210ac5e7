import { useState } from 'react';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api';
import { useI18n } from '../../i18n';
import { casePath } from '../paths';
import { newUuid } from '../requestId';
import { stepProblemOf } from '../stepErrors';
import type { OpenLeadBody } from '../types';
import { useOpenLead } from './useCaseMutations';

/**
 * 登记线索 and open the case; when the household already has an active case (409 case_exists) open that one
 * instead, since a household has one case at a time.
 */
export function useOpenLeadAndGo() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const open = useOpenLead();
  // Kept across a lost answer so a second click does not register the lead twice.
  const [requestId, setRequestId] = useState(() => newUuid());

  const run = (body: Omit<OpenLeadBody, 'requestId'>, onDone?: () => void) =>
    open.mutate(
      { ...body, requestId },
      {
        onSuccess: (detail) => {
          setRequestId(newUuid());
          void message.success(t('lead.opened', { caseNo: detail.caseNo }));
          onDone?.();
          void navigate(casePath(detail.id));
        },
        onError: (error) => {
          const problem = stepProblemOf(error);
          if (problem.kind === 'exists') {
            void message.info(t('lead.exists'));
            onDone?.();
            void navigate(casePath(problem.caseId));
            return;
          }
          if (!isApiError(error) || error.status !== 0) setRequestId(newUuid());
          void message.error(problem.kind === 'refused' ? problem.reasons.join('；') : problem.message);
        },
      },
    );

  return { run, pending: open.isPending, error: open.error };
}
