import { Skeleton } from 'antd';

/** A skeleton that also tells assistive technology what is loading. */
export function Loading({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-busy="true" aria-label={label}>
      <Skeleton active title={false} paragraph={{ rows }} />
    </div>
  );
}
