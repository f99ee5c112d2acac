import { taskStatusColor, taskStatusLabel } from './taskStatus';

const dot = { display: 'inline-block', width: 6, height: 6, borderRadius: '50%', marginRight: 6 };
const wrap = { display: 'inline-flex', alignItems: 'center', whiteSpace: 'nowrap' as const };

// Plain spans rather than antd's Badge: a 500-row table renders this per visible row on every
// scroll frame, and antd components run their CSS-in-JS hooks each time.
export function TaskStatusBadge({ status }: { status: string }) {
  return (
    <span style={wrap} className="clearml-task-status">
      <span aria-hidden style={{ ...dot, background: taskStatusColor(status) }} />
      <span>{taskStatusLabel(status)}</span>
    </span>
  );
}
