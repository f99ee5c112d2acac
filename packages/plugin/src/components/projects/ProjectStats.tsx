import { Tooltip } from 'antd';
import type { CSSProperties } from 'react';
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

const row: CSSProperties = {
  display: 'inline-flex',
  flexWrap: 'wrap',
  gap: '2px 6px',
  alignItems: 'center',
  fontSize: 12,
  margin: 0,
  padding: 0,
  listStyle: 'none',
};
// The total reads as a neutral pill, set apart from the coloured per-status counts.
const total: CSSProperties = {
  padding: '0 6px',
  borderRadius: 8,
  lineHeight: '16px',
  background: 'rgba(0,0,0,0.06)',
  whiteSpace: 'nowrap',
  color: 'rgba(0,0,0,0.65)',
};
const dot = (color: string): CSSProperties => ({
  display: 'inline-block',
  width: 6,
  height: 6,
  borderRadius: 3,
  marginRight: 3,
  background: color,
  verticalAlign: 'middle',
});

/**
 * A project's task counts: the total as a grey pill, then a coloured dot and count per status.
 * Each count is a list item named "93 Completed" (read by screen readers, shown on hover).
 */
export function ProjectStats({ stats }: { stats: Project['stats'] }) {
  if (!stats) return null;
  const shown = SHOWN.filter((s) => (stats.by_status[s] ?? 0) > 0);
  const totalLabel = `${stats.total} ${stats.total === 1 ? 'task' : 'tasks'} in total`;
  return (
    <ul aria-label="Tasks by status" style={row}>
      <Tooltip title={totalLabel}>
        <li aria-label={totalLabel} style={total}>
          {stats.total}
        </li>
      </Tooltip>
      {shown.map((s) => {
        const label = `${stats.by_status[s]} ${taskStatusLabel(s)}`;
        return (
          <Tooltip key={s} title={label}>
            <li
              aria-label={label}
              style={{ color: taskStatusColor(s), fontWeight: 600, whiteSpace: 'nowrap' }}
            >
              <span aria-hidden style={dot(taskStatusColor(s))} />
              {stats.by_status[s]}
            </li>
          </Tooltip>
        );
      })}
    </ul>
  );
}
