import type { ReactNode } from 'react';
import { Empty, Flex, Skeleton, theme } from 'antd';

export interface ListItem {
  key: string;
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
}

/** A plain list of rows (title, description, something on the right); antd's List is deprecated. */
export function ItemList({ items, empty, loading, ...rest }: { items: ListItem[]; empty: ReactNode; loading?: boolean; 'data-testid'?: string }) {
  const { token } = theme.useToken();
  if (loading) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <div data-testid={rest['data-testid']}>
      {items.map((item, index) => (
        <Flex
          key={item.key}
          align="center"
          justify="space-between"
          gap={16}
          style={{ padding: '12px 0', borderTop: index === 0 ? undefined : `1px solid ${token.colorSplit}` }}
        >
          <div style={{ minWidth: 0 }}>
            <div>{item.title}</div>
            {item.description && <div style={{ color: token.colorTextSecondary, marginTop: 4 }}>{item.description}</div>}
          </div>
          {item.extra && <div style={{ flexShrink: 0, textAlign: 'right' }}>{item.extra}</div>}
        </Flex>
      ))}
    </div>
  );
}
