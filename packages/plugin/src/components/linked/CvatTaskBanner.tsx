import { Card, Space, Typography } from 'antd';
import type { CvatContext } from '../../panel/types';
import { CreateTaskButton } from '../common/CreateTaskButton';
import { LinkedTasks } from './LinkedTasks';

export interface CvatTaskBannerProps {
  context: CvatContext & { task: NonNullable<CvatContext['task']> };
  projectName: string;
  taskHref: (taskId: string) => string;
  onCreate: () => void;
}

/** On top of the mapped project's tasks: what was made from this CVAT task, and a way to make more. */
export function CvatTaskBanner({ context, projectName, taskHref, onCreate }: CvatTaskBannerProps) {
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }} size={6}>
        <Typography.Text type="secondary">
          CVAT task #{context.task.id} “{context.task.name}”
        </Typography.Text>
        <LinkedTasks projectName={projectName} cvatTaskId={context.task.id} taskHref={taskHref} />
        <CreateTaskButton onClick={onCreate}>
          Create a ClearML task for this CVAT task
        </CreateTaskButton>
      </Space>
    </Card>
  );
}
