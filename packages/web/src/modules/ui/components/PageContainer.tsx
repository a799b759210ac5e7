import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';

interface PageContainerProps {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}

export function PageContainer({ title, extra, children, testId }: PageContainerProps) {
  return (
    <section className="page-container" data-testid={testId}>
      <Flex justify="space-between" align="center" wrap gap={12} className="page-heading">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <div className="no-print">{extra}</div> : null}
      </Flex>
      <Card variant="borderless">{children}</Card>
    </section>
  );
}
