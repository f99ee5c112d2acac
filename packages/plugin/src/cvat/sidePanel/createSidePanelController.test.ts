import { describe, expect, it, vi } from 'vitest';
import { createSidePanelController } from './createSidePanelController';

const job = (jobId: number) => ({ kind: 'job' as const, jobId, taskId: 7, projectId: null });

describe('createSidePanelController', () => {
  it('mounts the host once, even when opened twice before the chunk arrives', async () => {
    let finish: (unmount: () => void) => void = () => {};
    const mountHost = vi.fn(() => new Promise<() => void>((resolve) => (finish = resolve)));
    const panel = createSidePanelController({ mountHost, onMountError: vi.fn() });
    const first = panel.open(job(1));
    const second = panel.open({ kind: 'models' });
    finish(() => {});
    await Promise.all([first, second]);
    expect(mountHost).toHaveBeenCalledTimes(1);
    expect(panel.getState()).toMatchObject({
      open: true,
      target: { kind: 'models' },
      openCount: 2,
    });
  });

  it('when the chunk fails to load, then it reports it, closes, and tries again on the next open', async () => {
    const onMountError = vi.fn();
    const mountHost = vi
      .fn<() => Promise<() => void>>()
      .mockRejectedValueOnce(new Error('chunk download failed'))
      .mockResolvedValueOnce(() => {});
    const panel = createSidePanelController({ mountHost, onMountError });
    await panel.open(job(1));
    expect(onMountError).toHaveBeenCalledWith(new Error('chunk download failed'));
    expect(panel.getState().open).toBe(false);
    await panel.open(job(1));
    expect(mountHost).toHaveBeenCalledTimes(2);
    expect(panel.getState().open).toBe(true);
  });

  it('follows the user to another job, and closes when they leave the annotation page', async () => {
    const panel = createSidePanelController({
      mountHost: async () => () => {},
      onMountError: vi.fn(),
    });
    await panel.open(job(1));
    panel.jobChanged(job(2));
    expect(panel.getState().target).toEqual(job(2));
    panel.jobChanged(null);
    expect(panel.getState().open).toBe(false);
  });

  it('ignores job changes while opened for something other than a job', async () => {
    const panel = createSidePanelController({
      mountHost: async () => () => {},
      onMountError: vi.fn(),
    });
    await panel.open({ kind: 'task', taskId: 3 });
    panel.jobChanged(null);
    expect(panel.getState()).toMatchObject({ open: true, target: { kind: 'task', taskId: 3 } });
  });
});
