import type { CvatContext } from '../../panel/types';
import type { CreateTaskInitialValues } from '../create/taskFormValues';

/** The create form's prefill for "a ClearML task for this CVAT task": name, labels, link back. */
export function cvatPrefill(context: CvatContext): CreateTaskInitialValues | undefined {
  const task = context.task;
  if (!task) return undefined;
  const base = context.cvatUrl?.replace(/\/$/, '');
  const url = base
    ? context.jobId
      ? `${base}/tasks/${task.id}/jobs/${context.jobId}`
      : `${base}/tasks/${task.id}`
    : null;
  return {
    name: task.name.slice(0, 255),
    type: 'training',
    tags: ['cvat'],
    configuration: {
      cvat_labels: {
        value: JSON.stringify(task.labels, null, 2),
        type: 'json',
        description: `Labels of CVAT task #${task.id}`,
      },
    },
    cvat_link: {
      task_id: task.id,
      job_id: context.jobId ?? null,
      project_id: task.projectId,
      url,
    },
  };
}
