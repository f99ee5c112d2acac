import type { TaskStatus } from '../../api/types';

// ClearML's web UI names and (approximate) colours for each status.
export const TASK_STATUS_LABEL: Record<TaskStatus, string> = {
  created: 'Draft',
  queued: 'Pending',
  in_progress: 'Running',
  stopped: 'Aborted',
  published: 'Published',
  publishing: 'Publishing',
  closed: 'Closed',
  failed: 'Failed',
  completed: 'Completed',
  unknown: 'Unknown',
};

export const TASK_STATUS_COLOR: Record<TaskStatus, string> = {
  created: '#8f9dc9',
  queued: '#e5a50a',
  in_progress: '#1fb56a',
  stopped: '#d87a1e',
  published: '#5a62ec',
  publishing: '#8e92f0',
  closed: '#5f6b7a',
  failed: '#e5243b',
  completed: '#1890ff',
  unknown: '#a0a0a0',
};

export function taskStatusLabel(status: string): string {
  return TASK_STATUS_LABEL[status as TaskStatus] ?? status;
}

export function taskStatusColor(status: string): string {
  return TASK_STATUS_COLOR[status as TaskStatus] ?? TASK_STATUS_COLOR.unknown;
}

export function taskTypeLabel(type: string): string {
  return type.replace(/_/g, ' ');
}
