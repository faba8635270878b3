import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A page's title with its actions on the right. */
export function PageHeader({ title, extra, testId }: { title: ReactNode; extra?: ReactNode; testId?: string }) {
  return (
    <div className="ed-toolbar" style={{ marginBottom: 12 }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid={testId ?? 'page-title'}>
        {title}
      </Typography.Title>
      <div className="ed-toolbar-spacer" />
      {extra}
    </div>
  );
}
