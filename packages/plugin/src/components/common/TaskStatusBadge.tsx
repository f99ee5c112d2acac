import { Badge } from 'antd';
import { taskStatusColor, taskStatusLabel } from './taskStatus';

export function TaskStatusBadge({ status }: { status: string }) {
  return <Badge color={taskStatusColor(status)} text={taskStatusLabel(status)} />;
}
