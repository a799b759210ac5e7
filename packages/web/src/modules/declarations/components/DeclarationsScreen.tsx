import { useState } from 'react';
import { Button, Flex, Input, Modal, Select, Table, Tag, Tooltip, Typography, message } from 'antd';
import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DECLARATION_STATUSES, DECLARATION_STATUS_LABELS, type DeclarationStatus } from '@zengshou/core';
import { http, isApiError } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { useCurrentRegion } from '../../regions';
import { LoadErrorResult, PageContainer, formatDateTime } from '../../ui';
import { closeDeclaration, declarationQrUrl, linkDeclaration, listDeclarations } from '../api/declarationsApi';
import type { DeclarationItem } from '../types';
import '../declarations.css';

const COLOR = { overdue: 'red', due_soon: 'orange', normal: 'default' } as const;
const STATUS_COLOR: Record<DeclarationStatus, string> = { received: 'blue', lead_opened: 'green', needs_registration: 'gold', closed: 'default' };

/** 自主申报 for the village: what came in through the QR form, the home-check deadline, link or close, print the QR code. */
export function DeclarationsScreen() {
  const { t } = useI18n();
  const { region } = useCurrentRegion();
  const [status, setStatus] = useState<DeclarationStatus | undefined>();
  const [page, setPage] = useState(1);
  const [linking, setLinking] = useState<DeclarationItem | null>(null);
  const [closing, setClosing] = useState<DeclarationItem | null>(null);
  const [qrOpen, setQrOpen] = useState(false);
  const list = useQuery({
    queryKey: ['declarations', region.code, status, page],
    queryFn: () => listDeclarations({ region: region.code, status, page, pageSize: 20 }),
  });

  const isVillage = /^\d{12}$/.test(region.code);
  return (
    <PageContainer
      testId="declarations-page"
      title={t('declarations.title')}
      extra={
        <Tooltip title={isVillage ? undefined : t('declarations.qrNeedVillage')}>
          <Button icon={<QrcodeOutlined />} disabled={!isVillage} onClick={() => setQrOpen(true)} data-testid="declarations-print-qr">
            {t('declarations.printQr')}
          </Button>
        </Tooltip>
      }
    >
      <div>
        <Typography.Paragraph type="secondary">{t('declarations.note')}</Typography.Paragraph>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('declarations.filter.status')}
            value={status}
            onChange={(v: DeclarationStatus | undefined) => { setStatus(v); setPage(1); }}
            options={DECLARATION_STATUSES.map((s) => ({ value: s, label: DECLARATION_STATUS_LABELS[s] }))}
            data-testid="declarations-filter-status"
          />
        </Flex>
        {list.isError ? (
          <LoadErrorResult message={isApiError(list.error) ? list.error.message : String(list.error)} onRetry={() => void list.refetch()} />
        ) : (
          <Table<DeclarationItem>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('declarations.empty') }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            data-testid="declarations-table"
            onRow={(r) => ({ 'data-testid': `declaration-row-${r.receiptCode}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('declarations.column.submittedAt'), dataIndex: 'createdAt', width: 150, render: (v: string, r) => <><div>{formatDateTime(v)}</div><Typography.Text type="secondary" copyable>{r.receiptCode}</Typography.Text></> },
              {
                title: t('declarations.column.person'),
                render: (_, r) => (
                  <>
                    <div>{r.name}{r.villageName ? ` · ${r.villageName}` : ''}</div>
                    <Typography.Text type="secondary" data-testid="declaration-id-number">{r.idNumber}</Typography.Text>
                    <div><Typography.Text type="secondary" data-testid="declaration-phone">{r.phone}</Typography.Text></div>
                  </>
                ),
              },
              { title: t('declarations.column.difficulties'), render: (_, r) => r.difficultyLabels.map((l) => <Tag key={l}>{l}</Tag>) },
              { title: t('declarations.column.description'), dataIndex: 'description', ellipsis: true, width: 220, render: (v: string) => <Tooltip title={v}>{v}</Tooltip> },
              {
                title: t('declarations.column.status'),
                render: (_, r) => (
                  <Tooltip title={r.closedReason ?? undefined}>
                    <Tag color={STATUS_COLOR[r.status]} data-testid="declaration-status" data-status={r.status}>{r.statusLabel}</Tag>
                  </Tooltip>
                ),
              },
              {
                title: t('declarations.column.case'),
                render: (_, r) => (r.case ? <Link to={`/cases/${r.case.id}`} data-testid="declaration-case">{r.case.caseNo} {r.case.statusLabel}</Link> : '—'),
              },
              {
                title: t('declarations.column.due'),
                render: (_, r) =>
                  r.homeCheckDue ? (
                    <Tag color={COLOR[r.homeCheckDue.urgency]} data-testid="declaration-due" data-urgency={r.homeCheckDue.urgency}>
                      {r.homeCheckDue.date} · {t(`declarations.urgency.${r.homeCheckDue.urgency}` as MessageKey)}
                    </Tag>
                  ) : (
                    t('declarations.noDue')
                  ),
              },
              {
                title: t('declarations.column.actions'),
                render: (_, r) =>
                  r.status === 'needs_registration' || r.status === 'received' ? (
                    <Flex gap={4} wrap>
                      <Button size="small" type="primary" onClick={() => setLinking(r)} data-testid={`declaration-link-${r.receiptCode}`}>{t('declarations.link')}</Button>
                      <Button size="small" onClick={() => setClosing(r)} data-testid={`declaration-close-${r.receiptCode}`}>{t('declarations.close')}</Button>
                    </Flex>
                  ) : null,
              },
            ]}
          />
        )}
      </div>
      {linking && <LinkModal item={linking} onClose={() => setLinking(null)} />}
      {closing && <CloseModal item={closing} onClose={() => setClosing(null)} />}
      {qrOpen && isVillage && <QrModal village={region.code} villageName={region.name} onClose={() => setQrOpen(false)} />}
    </PageContainer>
  );
}

function useRefresh() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['declarations'] }), qc.invalidateQueries({ queryKey: ['cases'] })]);
}

function LinkModal({ item, onClose }: { item: DeclarationItem; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [search, setSearch] = useState('');
  const [householdId, setHouseholdId] = useState<string | undefined>();
  const households = useQuery({
    queryKey: ['declaration-link-households', item.villageCode, search],
    queryFn: () => http.get<{ items: { id: string; householdNo: string; headName: string | null }[] }>('/api/households', { query: { region: item.villageCode, search, pageSize: 20 } }),
  });
  const link = useMutation({
    mutationFn: () => linkDeclaration(item.id, householdId!),
    onSuccess: async () => {
      void message.success(t('declarations.ok'));
      await refresh();
      onClose();
    },
  });
  return (
    <Modal open title={t('declarations.linkTitle')} onCancel={onClose} onOk={() => link.mutate()} okButtonProps={{ disabled: !householdId, loading: link.isPending, ...({ 'data-testid': 'declaration-link-submit' } as object) }} data-testid="declaration-link-modal">
      <Typography.Paragraph type="secondary">{t('declarations.linkHint')}</Typography.Paragraph>
      <Select
        showSearch
        style={{ width: '100%' }}
        placeholder={t('declarations.linkHousehold')}
        filterOption={false}
        onSearch={setSearch}
        value={householdId}
        onChange={setHouseholdId}
        loading={households.isLoading}
        options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.householdNo} ${h.headName ?? ''}` }))}
        data-testid="declaration-link-household"
      />
      {link.isError && <Typography.Text type="danger">{isApiError(link.error) ? link.error.message : String(link.error)}</Typography.Text>}
    </Modal>
  );
}

function CloseModal({ item, onClose }: { item: DeclarationItem; onClose: () => void }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const close = useMutation({
    mutationFn: () => closeDeclaration(item.id, reason),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Modal open title={t('declarations.closeTitle')} onCancel={onClose} onOk={() => close.mutate()} okButtonProps={{ loading: close.isPending, ...({ 'data-testid': 'declaration-close-submit' } as object) }} data-testid="declaration-close-modal">
      <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('declarations.closeReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="declaration-close-reason" />
      {close.isError && <Typography.Text type="danger">{isApiError(close.error) ? close.error.message : String(close.error)}</Typography.Text>}
    </Modal>
  );
}

function QrModal({ village, villageName, onClose }: { village: string; villageName: string; onClose: () => void }) {
  const { t } = useI18n();
  const url = `${window.location.origin}/declare?village=${village}`;
  return (
    <Modal open width={520} onCancel={onClose} footer={null} data-testid="declaration-qr-modal">
      <div className="declaration-qr-sheet" data-testid="declaration-qr-sheet">
        <Typography.Title level={3}>{t('declarations.qrTitle', { village: villageName })}</Typography.Title>
        <img src={declarationQrUrl(village)} alt={url} data-testid="declaration-qr-image" />
        <Typography.Paragraph style={{ fontSize: 16 }}>{t('declarations.qrCaption')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" copyable data-testid="declaration-qr-url">{url}</Typography.Paragraph>
        <Button className="declaration-qr-noprint" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="declaration-qr-print">
          {t('declarations.qrPrint')}
        </Button>
      </div>
    </Modal>
  );
}
