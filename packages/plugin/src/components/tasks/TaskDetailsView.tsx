import { Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { useTask } from '../../api/useTask';
import type { TaskDetails } from '../../api/types';
import { ErrorState } from '../common/ErrorState';
import { OpenInClearml } from '../common/OpenInClearml';
import { formatExact } from '../common/RelativeTime';
import { TaskStatusBadge } from '../common/TaskStatusBadge';
import { taskTypeLabel } from '../common/taskStatus';
import { Loading } from '../common/Loading';
import {
  Configuration,
  Execution,
  Hyperparameters,
  LastMetrics,
  Models,
} from './TaskDetailsSections';

export interface TaskDetailsViewProps {
  projectName: string;
  taskId: string;
}

/** One task in full: what ClearML's "info" page shows, in tabs that fit a side panel. */
export function TaskDetailsView({ projectName, taskId }: TaskDetailsViewProps) {
  const query = useTask(projectName, taskId);
  if (query.isPending) return <Loading label="Loading task details" rows={8} />;
  if (query.isError) {
    return (
      <ErrorState compact what="this task" error={query.error} onRetry={() => query.refetch()} />
    );
  }
  const task = query.data;
  return (
    <article aria-label={`Task ${task.name}`}>
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0, wordBreak: 'break-word' }}>
          {task.name}
        </Typography.Title>
        <Space wrap>
          <TaskStatusBadge status={task.status} />
          <Typography.Text type="secondary">{taskTypeLabel(task.type)}</Typography.Text>
          <OpenInClearml url={task.web_url} size="small" />
        </Space>
        <Tabs
          size="small"
          items={[
            { key: 'info', label: 'Info', children: <GeneralInfo task={task} /> },
            { key: 'hyper', label: 'Hyperparameters', children: <Hyperparameters task={task} /> },
            { key: 'config', label: 'Configuration', children: <Configuration task={task} /> },
            { key: 'exec', label: 'Execution', children: <Execution task={task} /> },
            { key: 'models', label: 'Models', children: <Models task={task} /> },
            { key: 'metrics', label: 'Metrics', children: <LastMetrics task={task} /> },
          ]}
        />
      </Space>
    </article>
  );
}

function GeneralInfo({ task }: { task: TaskDetails }) {
  const link = task.cvat_link;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: 'id',
          label: 'ID',
          children: (
            <Typography.Text copyable={{ text: task.id, tooltips: ['Copy id', 'Copied'] }} code>
              {task.id}
            </Typography.Text>
          ),
        },
        { key: 'project', label: 'Project', children: task.project_name ?? '—' },
        { key: 'user', label: 'User', children: task.user?.name ?? task.user?.id ?? '—' },
        { key: 'created', label: 'Created', children: formatExact(task.created) },
        { key: 'started', label: 'Started', children: formatExact(task.started) },
        { key: 'updated', label: 'Last update', children: formatExact(task.last_update) },
        { key: 'completed', label: 'Completed', children: formatExact(task.completed) },
        { key: 'iteration', label: 'Iteration', children: task.last_iteration ?? '—' },
        { key: 'message', label: 'Status message', children: task.status_message || '—' },
        { key: 'comment', label: 'Description', children: task.comment || '—' },
        { key: 'parent', label: 'Parent task', children: task.parent_id ?? '—' },
        {
          key: 'tags',
          label: 'Tags',
          children: task.tags.length ? task.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—',
        },
        {
          key: 'cvat',
          label: 'CVAT',
          children: link ? (
            link.url ? (
              <a href={link.url} target="_blank" rel="noreferrer">
                CVAT task #{link.task_id}
                {link.job_id ? `, job #${link.job_id}` : ''}
              </a>
            ) : (
              `CVAT task #${link.task_id}`
            )
          ) : (
            'Not linked to a CVAT task'
          ),
        },
      ]}
    />
  );
}
