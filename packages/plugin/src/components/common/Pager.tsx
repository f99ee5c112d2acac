import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';

export const PAGE_SIZES = [25, 50, 100, 200, 500] as const;

export interface PagerProps {
  page: number;
  pageSize: number;
  hasMore: boolean;
  /** Rows on this page, to say "rows 51–100". */
  count: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  busy?: boolean;
}

// The API has no total count (ClearML has none), so paging is previous / next, not numbered.
export function Pager({ page, pageSize, hasMore, count, onPage, onPageSize, busy }: PagerProps) {
  const first = count === 0 ? 0 : (page - 1) * pageSize + 1;
  return (
    <nav
      aria-label="Pages"
      style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}
    >
      <Space size={4}>
        <Button
          size="small"
          icon={<LeftOutlined />}
          disabled={page <= 1 || busy}
          onClick={() => onPage(page - 1)}
          aria-label="Previous page"
        />
        <Typography.Text aria-live="polite">
          Page {page}
          {count > 0 ? ` · rows ${first}–${first + count - 1}` : ''}
        </Typography.Text>
        <Button
          size="small"
          icon={<RightOutlined />}
          disabled={!hasMore || busy}
          onClick={() => onPage(page + 1)}
          aria-label="Next page"
        />
      </Space>
      <Select
        size="small"
        aria-label="Rows per page"
        value={pageSize}
        onChange={onPageSize}
        options={PAGE_SIZES.map((size) => ({ value: size, label: `${size} / page` }))}
        style={{ width: 110 }}
      />
    </nav>
  );
}
