import { useEffect, useState } from 'react';
import type { CvatPanelContext, PanelTarget } from '../context/cvatContextTypes';

export type ResolvedContext =
  | { status: 'loading' }
  | { status: 'ready'; context: CvatPanelContext }
  | { status: 'error'; message: string };

/** Resolves the panel's CVAT context each time the panel is (re)opened. */
export function useResolvedContext(
  target: PanelTarget | null,
  openCount: number,
  resolve: (target: PanelTarget) => Promise<CvatPanelContext>,
): ResolvedContext {
  const [result, setResult] = useState<{ openCount: number; value: ResolvedContext }>({
    openCount: -1,
    value: { status: 'loading' },
  });
  useEffect(() => {
    if (!target) return;
    let current = true;
    resolve(target).then(
      (context) => current && setResult({ openCount, value: { status: 'ready', context } }),
      (error: unknown) =>
        current &&
        setResult({
          openCount,
          value: {
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    );
    return () => {
      current = false;
    };
    // openCount re-resolves a re-opened panel (the task's labels may have changed).
  }, [target, openCount, resolve]);
  return result.openCount === openCount ? result.value : { status: 'loading' };
}
