import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ExplainTip } from './ExplainTip';

interface KpiCardProps {
  label: string;
  explain: string;
  value: string;
  /** The unformatted figure, for tests and tools that read the page. */
  raw: number | null;
  to: string;
  testId: string;
  tone?: 'danger' | 'warning' | 'success';
  children?: ReactNode;
}

/** One headline figure: what it is, what it counts (tooltip), and a click through to its households. */
export function KpiCard({ label, explain, value, raw, to, testId, tone, children }: KpiCardProps) {
  const navigate = useNavigate();
  return (
    <Card size="small" hoverable onClick={() => void navigate(to)} data-testid={testId} data-value={raw ?? ''} style={{ height: '100%', cursor: 'pointer' }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
        <span onClick={(event) => event.stopPropagation()}>
          <ExplainTip text={explain} testId={`${testId}-explain`} />
        </span>
      </Typography.Text>
      <div style={{ margin: '4px 0' }}>
        <Link to={to} onClick={(event) => event.stopPropagation()} data-testid={`${testId}-link`} style={{ fontSize: 22, fontWeight: 600, whiteSpace: 'nowrap' }}>
          <Typography.Text type={tone} style={{ fontSize: 22, fontWeight: 600, color: tone ? undefined : 'inherit' }} data-testid={`${testId}-value`}>
            {value}
          </Typography.Text>
        </Link>
      </div>
      <div style={{ fontSize: 12, lineHeight: '18px' }}>{children}</div>
    </Card>
  );
}
