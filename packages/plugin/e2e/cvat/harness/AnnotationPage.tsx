import { useEffect, useRef } from 'react';
import Button from 'antd/lib/button';
import Dropdown from 'antd/lib/dropdown';
import { useParams } from 'react-router-dom';
import type { HarnessJob } from './createHarnessStore';
import { useHarness } from './HarnessContext';
import { pluginMenuItems } from './menuItems';
import { usePlugins } from './usePlugins';

function paintCanvas(canvas: HTMLCanvasElement) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#3a3f44';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = '#f5222d';
  ctx.lineWidth = 3;
  ctx.strokeRect(120, 90, 180, 120);
  ctx.strokeStyle = '#52c41a';
  ctx.strokeRect(420, 160, 140, 200);
}

/** CVAT's annotation page: the job goes into the store; a canvas; the job menu with plugin items. */
export function AnnotationPage() {
  const { store, data } = useHarness();
  const params = useParams<{ tid: string; jid: string }>();
  const task = data.tasks.find((t) => t.id === Number(params.tid));
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const job: HarnessJob | null = task
    ? {
        id: Number(params.jid),
        taskId: task.id,
        projectId: task.projectId,
        startFrame: 0,
        stopFrame: 99,
        stage: 'annotation',
        state: 'in progress',
      }
    : null;
  const jobKey = job ? `${job.id}:${job.taskId}` : '';

  useEffect(() => {
    store.dispatch({ type: 'SET_JOB', payload: { job } });
    return () => void store.dispatch({ type: 'SET_JOB', payload: { job: null } });
    // The job instance is rebuilt on each render; its identity is its ids.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, jobKey]);
  useEffect(() => {
    if (canvasRef.current) paintCanvas(canvasRef.current);
  }, []);

  const jobInstance = store.getState().annotation.job.instance;
  const props = { jobInstance };
  const plugins = usePlugins(store, 'annotationPage.menuActions.items', props);
  const items = [
    { key: 'upload', label: 'Upload annotations' },
    { key: 'export', label: 'Export task dataset' },
    { key: 'finish', label: 'Finish the job' },
    ...(jobInstance ? pluginMenuItems(plugins, props, 'job') : []),
  ];

  if (!task) return <div style={{ padding: 16 }}>No such task</div>;
  return (
    <div
      className="cvat-annotation-page"
      style={{ display: 'flex', flexDirection: 'column', height: '100%' }}
    >
      <div
        className="cvat-annotation-header"
        style={{ display: 'flex', gap: 8, padding: 8, background: '#fafafa' }}
      >
        <Dropdown menu={{ items, className: 'cvat-annotation-menu' }} trigger={['click']}>
          <Button className="cvat-annotation-header-menu-button">Menu</Button>
        </Dropdown>
        <Button className="cvat-annotation-save">Save</Button>
        <span style={{ alignSelf: 'center' }}>
          Job #{params.jid} of task #{task.id} {task.name}
        </span>
      </div>
      <canvas
        ref={canvasRef}
        className="cvat-canvas"
        width={900}
        height={560}
        style={{ margin: 8 }}
      />
    </div>
  );
}
