import { ExperimentOutlined } from '@ant-design/icons';
import type { CvatMenuSlot } from '../cvatTypes';
import type { SidePanelController } from '../sidePanel/createSidePanelController';
import { readCvatJob, readField, readInstanceId, readInstanceName } from '../context/readCvatState';
import type { Navigator } from './createNavigator';
import { HistoryCapture } from './HistoryCapture';

export interface MenuSlotDeps {
  panel: SidePanelController;
  navigator: Navigator;
  pagePath: string;
  onError: (error: unknown) => void;
}

/**
 * CVAT calls these as plain functions while building its menus (no hooks here). A click
 * only records what the menu knew; the side panel resolves the rest when it opens.
 */
export function createMenuSlots(deps: MenuSlotDeps) {
  const open: SidePanelController['open'] = (target) => deps.panel.open(target).catch(deps.onError);
  const icon = <ExperimentOutlined />;

  const userMenu: CvatMenuSlot = () => ({
    key: 'clearml',
    className: 'clearml-user-menu-item',
    icon,
    label: <HistoryCapture navigator={deps.navigator}>ClearML</HistoryCapture>,
    onClick: () => deps.navigator.push(deps.pagePath),
  });

  const jobMenu: CvatMenuSlot = ({ key, targetProps }) => {
    const job = readCvatJob(readField(targetProps, 'jobInstance'));
    return {
      key: key ?? 'clearml-job',
      className: 'clearml-job-menu-item',
      icon,
      label: 'ClearML',
      onClick: () => {
        if (job)
          void open({ kind: 'job', jobId: job.id, taskId: job.taskId, projectId: job.projectId });
      },
    };
  };

  const taskAction: CvatMenuSlot = ({ key, targetProps }) => {
    const taskId = readInstanceId(readField(targetProps, 'taskInstance'));
    return {
      key: key ?? 'clearml-task',
      className: 'clearml-task-action-item',
      icon,
      label: 'ClearML',
      onClick: () => {
        if (taskId !== null) void open({ kind: 'task', taskId });
      },
    };
  };

  const projectAction: CvatMenuSlot = ({ key, targetProps }) => {
    const project = readField(targetProps, 'projectInstance');
    const projectId = readInstanceId(project);
    return {
      key: key ?? 'clearml-project',
      className: 'clearml-project-action-item',
      icon,
      label: 'ClearML',
      onClick: () => {
        if (projectId !== null)
          void open({ kind: 'project', projectId, projectName: readInstanceName(project) });
      },
    };
  };

  return { userMenu, jobMenu, taskAction, projectAction };
}
