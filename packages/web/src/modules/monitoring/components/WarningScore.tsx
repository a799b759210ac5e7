import { Progress } from 'antd';

/** 风险分 0–100 as a short bar with the number: red from 60, orange from 30. */
export function WarningScore({ score }: { score: number }) {
  const value = Math.max(0, Math.min(100, Math.round(score)));
  const color = value >= 60 ? '#cf1322' : value >= 30 ? '#fa8c16' : '#1677ff';
  return (
    <div style={{ width: 96 }} data-testid="warning-score" data-score={value}>
      <Progress percent={value} size="small" strokeColor={color} format={() => value} />
    </div>
  );
}
