import { Typography } from 'antd';

interface JsonViewProps {
  value: unknown;
  emptyText: string;
  testId?: string;
}

/** Read-only pretty JSON, used where the server hands over a free-form snapshot. */
export function JsonView({ value, emptyText, testId }: JsonViewProps) {
  if (value === null || value === undefined) {
    return (
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid={testId}>
        {emptyText}
      </Typography.Paragraph>
    );
  }
  return (
    <pre className="json-view" data-testid={testId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
