import { useState } from 'react';
import { Alert, Button, Flex, Form, Radio, Space } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { chinaDate } from '@zengshou/core';
import { useI18n } from '../../i18n';
import { RegionTreeSelect, useCurrentRegion } from '../../regions';
import { DownloadButton, FullPageSpin, LoadErrorResult, PageContainer } from '../../ui';
import { caseNoticesXlsxUrl } from '../api/casesApi';
import { useCaseNotices } from '../hooks/useCases';
import { noticeTitle } from '../noticeSheet';
import { CASES_PATH } from '../paths';
import type { NoticeKind } from '../types';
import { NoticeSheet } from './NoticeSheet';
import './cases.css';
import './notice.css';

const VILLAGE_CODE = /^\d{12}$/;

/** 公示名单 of one village (/cases/notices?village=…&kind=…): print-ready, with 打印 and 导出Excel. */
export function CaseNoticeScreen() {
  const { t } = useI18n();
  const { region } = useCurrentRegion();
  const [search, setSearch] = useSearchParams();
  const villageParam = search.get('village');
  const village = villageParam && VILLAGE_CODE.test(villageParam) ? villageParam : null;
  const kind: NoticeKind = search.get('kind') === 'elimination' ? 'elimination' : 'identification';
  const notices = useCaseNotices(village, kind);
  const [picked, setPicked] = useState<string | undefined>(VILLAGE_CODE.test(region.code) ? region.code : undefined);
  const [today] = useState(() => chinaDate(new Date().toISOString()) ?? new Date().toISOString().slice(0, 10));

  const go = (next: { village?: string; kind?: NoticeKind }) =>
    setSearch(new URLSearchParams({ village: next.village ?? village ?? '', kind: next.kind ?? kind }), { replace: true });

  return (
    <PageContainer
      title={notices.data ? noticeTitle(notices.data) : t('notice.title')}
      testId="notice-page"
      extra={
        <Space wrap className="notice-toolbar">
          <Link to={CASES_PATH}>
            <Button icon={<ArrowLeftOutlined />} data-testid="notice-back">
              {t('notice.back')}
            </Button>
          </Link>
          {village ? (
            <>
              <Radio.Group
                optionType="button"
                value={kind}
                onChange={(e) => go({ kind: e.target.value as NoticeKind })}
                options={[
                  { value: 'identification', label: t('case.noticeKind.identification') },
                  { value: 'elimination', label: t('case.noticeKind.elimination') },
                ]}
                data-testid="notice-kind"
              />
              <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!notices.data} data-testid="notice-print">
                {t('notice.print')}
              </Button>
              <DownloadButton
                url={caseNoticesXlsxUrl(village, kind)}
                fileName={`公示名单-${village}.xlsx`}
                icon={<FileExcelOutlined />}
                disabled={!notices.data}
                testId="notice-export"
              >
                {t('notice.export')}
              </DownloadButton>
            </>
          ) : null}
        </Space>
      }
    >
      {village ? null : (
        <Flex vertical gap={12} className="no-print" data-testid="notice-pick">
          <Alert type="info" showIcon title={t('notice.pickVillageHint')} />
          <Form layout="inline" onFinish={() => picked && go({ village: picked })}>
            <Form.Item label={t('notice.pickVillage')}>
              <div style={{ width: 320 }}>
                <RegionTreeSelect value={picked} onChange={setPicked} testId="notice-village" />
              </div>
            </Form.Item>
            <Form.Item label={t('notice.kind')}>
              <Radio.Group
                value={kind}
                onChange={(e) => setSearch(new URLSearchParams({ kind: e.target.value as string }), { replace: true })}
                options={[
                  { value: 'identification', label: t('case.noticeKind.identification') },
                  { value: 'elimination', label: t('case.noticeKind.elimination') },
                ]}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" disabled={!picked || !VILLAGE_CODE.test(picked)} data-testid="notice-show">
                {t('notice.show')}
              </Button>
            </Form.Item>
          </Form>
        </Flex>
      )}
      {village && notices.isPending ? <FullPageSpin /> : null}
      {village && notices.error ? <LoadErrorResult message={notices.error.message} onRetry={() => void notices.refetch()} /> : null}
      {notices.data ? (
        <>
          <Alert type="info" showIcon className="no-print" style={{ marginBottom: 16 }} title={t('notice.privacy')} />
          <NoticeSheet sheet={notices.data} today={today} />
        </>
      ) : null}
    </PageContainer>
  );
}
