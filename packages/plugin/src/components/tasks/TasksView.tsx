import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Space, Typography } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Link, useHistory, useLocation } from 'react-router-dom';
import type { TaskDetails, TaskSummary } from '../../api/types';
import { useProjectTasks } from '../../api/useProjectTasks';
import type { PanelLayout } from '../../panel/types';
import { CreateTaskButton } from '../common/CreateTaskButton';
import { BackButton } from '../common/BackButton';
import { ErrorState } from '../common/ErrorState';
import { Pager } from '../common/Pager';
import { useContainerWidth } from '../common/useContainerWidth';
import { useViewportHeight } from '../common/useViewportHeight';
import { srOnly } from '../common/srOnly';
import { CreateTaskForm } from '../create/CreateTaskForm';
import type { CreateTaskInitialValues } from '../create/taskFormValues';
import { TaskDetailsView } from './TaskDetailsView';
import { TaskFilters } from './TaskFilters';
import { TaskTable } from './TaskTable';
import { toTaskListParams } from './taskListState';
import { useTaskListState } from './useTaskListState';
import { Loading } from '../common/Loading';

export interface TasksViewProps {
  projectName: string;
  /** The list's own URL (`…/projects/A%2FB/tasks`); a task's details live at `<url>/<id>`. */
  tasksUrl: string;
  taskId: string | null;
  layout: PanelLayout;
  /** Shown above the list (the CVAT task's linked tasks). */
  banner?: ReactNode;
  createInitialValues?: CreateTaskInitialValues;
  /** Lets a banner open the create form. */
  createOpen?: boolean;
  onCreateOpenChange?: (open: boolean) => void;
}

const MASTER_DETAIL_MIN_WIDTH = 1400;

export function TasksView(props: TasksViewProps) {
  const { projectName, tasksUrl, taskId, layout, banner } = props;
  const [state, update] = useTaskListState();
  const params = useMemo(() => toTaskListParams(state), [state]);
  const query = useProjectTasks(projectName, params);
  const location = useLocation();
  const history = useHistory();
  const [ref, width] = useContainerWidth<HTMLDivElement>();
  const tableHeight = useViewportHeight(layout === 'side' ? 260 : 300);
  const [localCreateOpen, setLocalCreateOpen] = useState(false);
  const createOpen = props.createOpen ?? localCreateOpen;
  const setCreateOpen = props.onCreateOpenChange ?? setLocalCreateOpen;

  const taskHref = useCallback(
    (task: Pick<TaskSummary, 'id'>) =>
      `${tasksUrl}/${encodeURIComponent(task.id)}${location.search}`,
    [tasksUrl, location.search],
  );
  const closeDetails = () => history.push(`${tasksUrl}${location.search}`);
  const onCreated = (task: TaskDetails) => {
    setCreateOpen(false);
    history.push(taskHref(task));
  };

  const items = query.data?.items ?? [];
  const filtered =
    state.status.length + state.type.length + state.tag.length > 0 || state.search !== '';
  const masterDetail = layout === 'page' && width >= MASTER_DETAIL_MIN_WIDTH;
  const details = taskId ? <TaskDetailsView projectName={projectName} taskId={taskId} /> : null;

  // In the side panel (a mask-less drawer beside CVAT's canvas) the form and the details replace
  // the list inside the panel: a nested drawer would cover CVAT with its own window-wide mask.
  const createForm = (
    <CreateTaskForm
      projectName={projectName}
      initialValues={props.createInitialValues}
      onCreated={onCreated}
      onCancel={() => setCreateOpen(false)}
    />
  );
  if (layout === 'side' && createOpen) {
    return (
      <div ref={ref}>
        <BackButton label="Back to tasks" onClick={() => setCreateOpen(false)} />
        <Typography.Title level={4} style={{ margin: '8px 0' }}>
          Create a ClearML task
        </Typography.Title>
        {createForm}
      </div>
    );
  }

  if (layout === 'side' && taskId) {
    return (
      <div ref={ref}>
        <Link to={`${tasksUrl}${location.search}`}>
          <ArrowLeftOutlined /> Back to tasks
        </Link>
        <div style={{ marginTop: 8 }}>{details}</div>
      </div>
    );
  }

  let body: ReactNode;
  if (query.isPending) {
    body = <Loading label="Loading tasks" rows={10} />;
  } else if (query.isError) {
    body = <ErrorState what="tasks" error={query.error} onRetry={() => query.refetch()} />;
  } else if (items.length === 0) {
    body = (
      <Empty
        description={
          state.page > 1
            ? 'No more tasks on this page.'
            : filtered
              ? 'No tasks match these filters. Clear them to see every task of the project.'
              : state.archived
                ? 'This project has no tasks.'
                : 'This project has no tasks yet. Create one, or show archived tasks.'
        }
      >
        {state.page > 1 ? (
          <Button onClick={() => update({ page: 1 })}>Back to page 1</Button>
        ) : filtered ? (
          <Button onClick={() => update({ status: [], type: [], tag: [], search: '' })}>
            Clear filters
          </Button>
        ) : (
          <CreateTaskButton onClick={() => setCreateOpen(true)} />
        )}
      </Empty>
    );
  } else {
    body = (
      <TaskTable
        tasks={items}
        loading={query.isFetching && query.isPlaceholderData}
        sort={state.sort}
        onSort={(sort) => update({ sort: sort ?? '-last_update' })}
        width={masterDetail ? width - 560 : width}
        height={tableHeight}
        taskHref={taskHref}
        selectedId={taskId}
        scrollKey={JSON.stringify(params)}
      />
    );
  }

  const list = (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }}>
          {projectName}
        </Typography.Title>
        <CreateTaskButton onClick={() => setCreateOpen(true)} />
      </Space>
      {banner}
      <TaskFilters state={state} onChange={update} />
      <div role="status" aria-live="polite" style={srOnly}>
        {query.isFetching
          ? 'Loading tasks…'
          : query.isSuccess
            ? `${items.length} tasks on page ${state.page}`
            : ''}
      </div>
      {body}
      {query.isSuccess ? (
        <Pager
          page={state.page}
          pageSize={state.pageSize}
          hasMore={query.data.has_more}
          count={items.length}
          onPage={(page) => update({ page })}
          onPageSize={(pageSize) => update({ pageSize })}
          busy={query.isFetching}
        />
      ) : null}
    </Space>
  );

  return (
    <div ref={ref}>
      {masterDetail ? (
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
          <div style={{ flex: 1, minWidth: 0 }}>{list}</div>
          <aside aria-label="Task details" style={{ width: 540, flex: 'none' }}>
            {details ?? <Empty description="Select a task to see its details" />}
          </aside>
        </div>
      ) : (
        <>
          {list}
          <Drawer
            open={Boolean(taskId)}
            onClose={closeDetails}
            width={width > 0 && width < 600 ? '100%' : 720}
            title="Task details"
            destroyOnClose
          >
            {details}
          </Drawer>
        </>
      )}
      <Drawer
        open={createOpen}
        onClose={() => setCreateOpen(false)}
        title="Create a ClearML task"
        width={560}
        destroyOnClose
      >
        {createForm}
      </Drawer>
    </div>
  );
}
