import { Empty, List, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useProjectTasks } from '../../api/useProjectTasks';
import { ErrorState } from '../common/ErrorState';
import { RelativeTime } from '../common/RelativeTime';
import { TaskStatusBadge } from '../common/TaskStatusBadge';
import { Loading } from '../common/Loading';

export interface LinkedTasksProps {
  projectName: string;
  cvatTaskId: number;
  /** Where a task's details are; without it the names are plain text (no router needed). */
  taskHref?: (taskId: string) => string;
}

/** The ClearML tasks created from one CVAT task (tag `cvat-task:<id>`), newest first. */
export function LinkedTasks({ projectName, cvatTaskId, taskHref }: LinkedTasksProps) {
  const query = useProjectTasks(projectName, {
    cvat_task_id: cvatTaskId,
    include_archived: false,
    sort: '-last_update',
    page_size: 20,
  });
  return (
    <section aria-label={`ClearML tasks linked to CVAT task ${cvatTaskId}`}>
      <Typography.Text strong>Linked to this CVAT task</Typography.Text>
      {query.isPending ? (
        <Loading label="Loading linked tasks" rows={2} />
      ) : query.isError ? (
        <ErrorState
          compact
          what="linked tasks"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : query.data.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="No ClearML task was created from this CVAT task yet."
        />
      ) : (
        <List
          size="small"
          dataSource={query.data.items}
          renderItem={(task) => (
            <List.Item>
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                {taskHref ? (
                  <Link to={taskHref(task.id)}>{task.name}</Link>
                ) : (
                  <span>{task.name}</span>
                )}
                <Space size={8}>
                  <TaskStatusBadge status={task.status} />
                  <Typography.Text type="secondary">
                    <RelativeTime value={task.last_update} />
                  </Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
