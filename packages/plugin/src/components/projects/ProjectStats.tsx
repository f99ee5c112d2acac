import { Space } from 'antd';
import type { Project, TaskStatus } from '../../api/types';
import { taskStatusColor, taskStatusLabel } from '../common/taskStatus';

// The statuses worth a glance in a tree row, in ClearML's order of interest.
const SHOWN: TaskStatus[] = [
  'in_progress',
  'queued',
  'failed',
  'completed',
  'stopped',
  'created',
  'published',
];

/** Small coloured counts of a project's tasks by status ("3 Running · 12 Completed"). */
export function ProjectStats({ stats }: { stats: Project['stats'] }) {
  if (!stats) return null;
  const shown = SHOWN.filter((s) => (stats.by_status[s] ?? 0) > 0);
  const summary = shown.map((s) => `${stats.by_status[s]} ${taskStatusLabel(s)}`).join(', ');
  return (
    <Space
      size={6}
      aria-label={`${stats.total} tasks${summary ? `: ${summary}` : ''}`}
      style={{ fontSize: 12 }}
    >
      <span style={{ color: 'rgba(0,0,0,0.45)' }} aria-hidden>
        {stats.total}
      </span>
      {shown.map((s) => (
        <span
          key={s}
          title={taskStatusLabel(s)}
          aria-hidden
          style={{ color: taskStatusColor(s), fontWeight: 600 }}
        >
          {stats.by_status[s]}
        </span>
      ))}
    </Space>
  );
}
