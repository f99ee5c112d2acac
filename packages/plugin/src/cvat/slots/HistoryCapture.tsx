import { useEffect, type ReactNode } from 'react';
import { useHistory } from 'react-router-dom';
import type { Navigator } from './createNavigator';

/** Renders its children and hands CVAT's router history to the navigator. */
export function HistoryCapture({
  navigator,
  children,
}: {
  navigator: Navigator;
  children: ReactNode;
}) {
  // Outside any router `useHistory()` is undefined in react-router v5; capture ignores it.
  const history = useHistory() as ReturnType<typeof useHistory> | undefined;
  useEffect(() => navigator.capture(history), [navigator, history]);
  return <>{children}</>;
}
