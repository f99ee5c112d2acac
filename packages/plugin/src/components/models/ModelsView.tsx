import { Button, Drawer, Empty, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { Model } from '../../api/types';
import { useModels } from '../../api/useModels';
import { ErrorState } from '../common/ErrorState';
import { Pager } from '../common/Pager';
import { srOnly } from '../common/srOnly';
import { useContainerWidth } from '../common/useContainerWidth';
import { ModelDetailsView } from './ModelDetailsView';
import { ModelFilters } from './ModelFilters';
import { ModelTable } from './ModelTable';
import { INITIAL_MODEL_LIST_STATE, toModelListParams, type ModelListState } from './modelListState';
import { Loading } from '../common/Loading';

export interface ModelsViewProps {
  /** Start filtered to one project (e.g. the CVAT task's mapped project). */
  initialProject?: string;
}

/** ClearML's models: filters, a paged table and a details drawer. Needs no router. */
export function ModelsView({ initialProject }: ModelsViewProps) {
  const [state, setState] = useState<ModelListState>({
    ...INITIAL_MODEL_LIST_STATE,
    project: initialProject ?? '',
  });
  const update = (patch: Partial<ModelListState>) =>
    setState((current) => ({ ...current, ...patch, page: patch.page ?? 1 }));
  const params = useMemo(() => toModelListParams(state), [state]);
  const query = useModels(params);
  const [openId, setOpenId] = useState<string | null>(null);
  const [ref, width] = useContainerWidth<HTMLDivElement>();
  const onOpen = useCallback((model: Model) => setOpenId(model.id), []);
  const filtered =
    Boolean(state.project || state.framework.length || state.tag.length || state.search) ||
    state.published !== 'any';

  let body;
  if (query.isPending) body = <Loading label="Loading models" rows={8} />;
  else if (query.isError)
    body = <ErrorState what="models" error={query.error} onRetry={() => query.refetch()} />;
  else if (query.data.items.length === 0) {
    body = (
      <Empty
        description={
          filtered
            ? 'No models match these filters.'
            : 'No models yet: models appear when ClearML tasks register them.'
        }
      >
        {filtered ? (
          <Button onClick={() => setState(INITIAL_MODEL_LIST_STATE)}>Clear filters</Button>
        ) : null}
      </Empty>
    );
  } else {
    body = (
      <ModelTable
        models={query.data.items}
        loading={query.isFetching && query.isPlaceholderData}
        width={width}
        onOpen={onOpen}
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
