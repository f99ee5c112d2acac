import { Button, Drawer, Empty, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { Model } from '../../api/types';
import { useModels } from '../../api/useModels';
import type { PanelLayout } from '../../panel/types';
import { BackButton } from '../common/BackButton';
import { ErrorState } from '../common/ErrorState';
import { Loading } from '../common/Loading';
import { Pager } from '../common/Pager';
import { srOnly } from '../common/srOnly';
import { useContainerWidth } from '../common/useContainerWidth';
import { useUrlListState } from '../common/useUrlListState';
import { useViewportHeight } from '../common/useViewportHeight';
import { ModelDetailsView } from './ModelDetailsView';
import { ModelFilters } from './ModelFilters';
import { ModelTable } from './ModelTable';
import {
  DEFAULT_MODEL_SORT,
  INITIAL_MODEL_LIST_STATE,
  formatModelListState,
  parseModelListState,
  toModelListParams,
} from './modelListState';

export interface ModelsViewProps {
  /** In the side panel details replace the list (a drawer's mask would cover CVAT). */
  layout?: PanelLayout;
}

/**
 * ClearML's models: filters, sort and page kept in the URL (a link reproduces the view), a paged
 * table virtualized at large page sizes, and details. Render it inside a router.
 */
export function ModelsView({ layout = 'page' }: ModelsViewProps) {
  const [state, update] = useUrlListState(parseModelListState, formatModelListState);
  const params = useMemo(() => toModelListParams(state), [state]);
  const query = useModels(params);
  const [openId, setOpenId] = useState<string | null>(null);
  const [ref, width] = useContainerWidth<HTMLDivElement>();
  const tableHeight = useViewportHeight(layout === 'side' ? 260 : 300);
  const onOpen = useCallback((model: Model) => setOpenId(model.id), []);
  const filtered =
    Boolean(state.project || state.framework.length || state.tag.length || state.search) ||
    state.published !== 'any';

  if (layout === 'side' && openId) {
    return (
      <div ref={ref}>
        <BackButton label="Back to models" onClick={() => setOpenId(null)} />
        <div style={{ marginTop: 8 }}>
          <ModelDetailsView modelId={openId} />
        </div>
      </div>
    );
  }

  let body;
  if (query.isPending) body = <Loading label="Loading models" rows={8} />;
  else if (query.isError)
    body = <ErrorState what="models" error={query.error} onRetry={() => query.refetch()} />;
  else if (query.data.items.length === 0) {
    body = (
      <Empty
        description={
          state.page > 1
            ? 'No more models on this page.'
            : filtered
              ? 'No models match these filters.'
              : 'No models yet: models appear when ClearML tasks register them.'
        }
      >
        {state.page > 1 ? (
          <Button onClick={() => update({ page: 1 })}>Back to page 1</Button>
        ) : filtered ? (
          <Button onClick={() => update({ ...INITIAL_MODEL_LIST_STATE, sort: state.sort })}>
            Clear filters
          </Button>
        ) : null}
      </Empty>
    );
  } else {
    body = (
      <ModelTable
        models={query.data.items}
        loading={query.isFetching && query.isPlaceholderData}
        width={width}
        height={tableHeight}
        sort={state.sort}
        onSort={(sort) => update({ sort: sort ?? DEFAULT_MODEL_SORT })}
        onOpen={onOpen}
        scrollKey={JSON.stringify(params)}
      />
    );
  }

  return (
    <div ref={ref}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Models
        </Typography.Title>
        <ModelFilters state={state} onChange={update} />
        <div role="status" aria-live="polite" style={srOnly}>
          {query.isFetching
            ? 'Loading models…'
            : query.isSuccess
              ? `${query.data.items.length} models on page ${state.page}`
              : ''}
        </div>
        {body}
        {query.isSuccess ? (
          <Pager
            page={state.page}
            pageSize={state.pageSize}
            hasMore={query.data.has_more}
            count={query.data.items.length}
            onPage={(page) => update({ page })}
            onPageSize={(pageSize) => update({ pageSize })}
            busy={query.isFetching}
          />
        ) : null}
      </Space>
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        title="Model details"
        width={width > 0 && width < 600 ? '100%' : 640}
        destroyOnClose
      >
        {openId ? <ModelDetailsView modelId={openId} /> : null}
      </Drawer>
    </div>
  );
}
