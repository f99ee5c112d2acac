import { createContext, useContext } from 'react';
import type { HarnessCore, HarnessData } from './createHarnessCore';
import type { HarnessStore } from './createHarnessStore';

export interface Harness {
  store: HarnessStore;
  core: HarnessCore;
  data: HarnessData;
}

export const HarnessContext = createContext<Harness | null>(null);

export function useHarness(): Harness {
  const harness = useContext(HarnessContext);
  if (!harness) throw new Error('useHarness outside the harness');
  return harness;
}
