import type { ComponentType } from 'react';
import Card from 'antd/lib/card';
import { useHarness } from './HarnessContext';
import { usePlugins } from './usePlugins';

/** CVAT's Models page: plugin components render in its top bar. */
export function ModelsPage() {
  const { store } = useHarness();
  const props = {};
  const plugins = usePlugins(store, 'modelsPage.topBar.items', props);
  return (
    <Card title="Models" style={{ margin: 16 }}>
      <div
        className="cvat-models-page-top-bar"
        style={{ display: 'flex', gap: 8, marginBottom: 16 }}
      >
        <input placeholder="Search models" aria-label="Search models" />
        {plugins.map(({ component }, index) => {
          const Component = component as ComponentType<{ targetProps: unknown }>;
          return <Component key={index} targetProps={props} />;
        })}
      </div>
      <p>CVAT's own models (serverless functions) would be listed here.</p>
    </Card>
  );
}
