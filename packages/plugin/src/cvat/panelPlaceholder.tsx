// Stand-in for the panel (src/panel/index.ts) until it lands; replaced then.
import type { ApiClient } from '../api/createApiClient';
import type { CvatContextShape } from './context/cvatContextTypes';

export function ClearmlPanel(props: {
  api: ApiClient;
  layout: 'page' | 'side';
  cvatContext?: CvatContextShape;
}) {
  return (
    <div className="clearml-panel-placeholder">
      ClearML panel ({props.layout}) {props.cvatContext?.task?.name ?? ''}
    </div>
  );
}

export function ModelsView() {
  return <div>ClearML models</div>;
}
