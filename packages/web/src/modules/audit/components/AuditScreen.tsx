import { useState } from 'react';
import { Divider } from 'antd';
import { useI18n } from '../../i18n';
import { LoadErrorResult, PageContainer } from '../../ui';
import { useAuditEvents } from '../hooks/useAuditEvents';
import type { AuditFilters, AuditQuery } from '../types';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditTable } from './AuditTable';
import { VerifyChainPanel } from './VerifyChainPanel';

export function AuditScreen() {
  const { t } = useI18n();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const events = useAuditEvents(query);

  const applyFilters = (filters: AuditFilters) => setQuery((q) => ({ ...filters, page: 1, pageSize: q.pageSize }));

  return (
    <PageContainer title={t('audit.title')} testId="audit-page">
      <div className="no-print">
        <VerifyChainPanel />
        <Divider />
        <AuditFilterBar onChange={applyFilters} />
      </div>
      {events.error && !events.data ? (
        <LoadErrorResult message={events.error.message} onRetry={() => void events.refetch()} />
      ) : (
        <AuditTable
          rows={events.data?.items ?? []}
          total={events.data?.total ?? 0}
          page={query.page}
          pageSize={query.pageSize}
          loading={events.isFetching}
          onPageChange={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))}
        />
      )}
    </PageContainer>
  );
}
