import { Button } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import type { CvatComponentSlot } from '../cvatTypes';
import { readField, readInstanceId } from '../context/readCvatState';
import type { SidePanelController } from '../sidePanel/createSidePanelController';

/**
 * For CVAT versions after v2.73 (`taskPage.details.topBar.extras`): a button on the task
 * page. That slot's props are not verified against a release yet, so the task is looked for
 * in both likely places and the button hides itself when it finds none.
 */
export function createTaskTopBarButton(
  panel: SidePanelController,
  onError: (error: unknown) => void,
): CvatComponentSlot {
  return function ClearmlTaskTopBarButton(props) {
    const task = readField(props.targetProps, 'taskInstance') ?? readField(props, 'taskInstance');
    const taskId = readInstanceId(task);
    if (taskId === null) return null;
    return (
      <Button
        className="clearml-task-top-bar-button"
        icon={<ExperimentOutlined />}
        onClick={() => void panel.open({ kind: 'task', taskId }).catch(onError)}
      >
        ClearML
      </Button>
    );
  };
}
