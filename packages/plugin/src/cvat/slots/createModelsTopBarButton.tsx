import { Button } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import type { CvatComponentSlot } from '../cvatTypes';
import type { SidePanelController } from '../sidePanel/createSidePanelController';

/** The Models page's top bar gets a button; the models list itself loads on click. */
export function createModelsTopBarButton(
  panel: SidePanelController,
  onError: (error: unknown) => void,
): CvatComponentSlot {
  return function ClearmlModelsButton() {
    return (
      <Button
        className="clearml-models-button"
        icon={<ExperimentOutlined />}
        onClick={() => void panel.open({ kind: 'models' }).catch(onError)}
      >
        ClearML models
      </Button>
    );
  };
}
