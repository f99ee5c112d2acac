import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CvatBuilder } from './cvatTypes';
import { listenForCvat } from './listenForCvat';

const builder: CvatBuilder = () => ({ name: 'ClearML', destructor: () => {} });

afterEach(() => {
  delete (window as { cvatUI?: unknown }).cvatUI;
});

describe('listenForCvat', () => {
  it('registers once when CVAT fires plugins.ready (bubbling) after defining cvatUI', () => {
    const registerComponent = vi.fn();
    const stop = listenForCvat(window, builder);
    expect(registerComponent).not.toHaveBeenCalled();
    Object.assign(window, { cvatUI: Object.freeze({ registerComponent }) });
    document.dispatchEvent(new CustomEvent('plugins.ready', { bubbles: true }));
    document.dispatchEvent(new CustomEvent('plugins.ready', { bubbles: true }));
    expect(registerComponent).toHaveBeenCalledTimes(1);
    expect(registerComponent).toHaveBeenCalledWith(builder);
    stop();
  });

  it('registers at once when cvatUI already exists (the event was missed)', () => {
    const registerComponent = vi.fn();
    Object.assign(window, { cvatUI: Object.freeze({ registerComponent }) });
    listenForCvat(window, builder)();
    expect(registerComponent).toHaveBeenCalledTimes(1);
  });

  it('when plugins.ready comes without cvatUI, then it does nothing and waits', () => {
    const stop = listenForCvat(window, builder);
    expect(() => document.dispatchEvent(new CustomEvent('plugins.ready'))).not.toThrow();
    const registerComponent = vi.fn();
    Object.assign(window, { cvatUI: { registerComponent } });
    document.dispatchEvent(new CustomEvent('plugins.ready'));
    expect(registerComponent).toHaveBeenCalledTimes(1);
    stop();
  });
});
