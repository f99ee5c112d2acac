import { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import { formatTaskListState, parseTaskListState, type TaskListState } from './taskListState';

/**
 * The task list's filters, sort and page, read from and written to the URL, so a copied link
 * reproduces the view. Any change other than the page goes back to page 1.
 */
export function useTaskListState() {
  const location = useLocation();
  const history = useHistory();
  const state = useMemo(() => parseTaskListState(location.search), [location.search]);

  const update = useCallback(
    (patch: Partial<TaskListState>) => {
      // From history, not the render's closure: two quick changes must both count.
      const latest = parseTaskListState(history.location.search);
      const next = { ...latest, ...patch, page: patch.page ?? 1 };
      const search = formatTaskListState(next);
      // Typing in the search box should not fill the back button's history.
      const onlySearch = Object.keys(patch).every((key) => key === 'search');
      const target = { pathname: location.pathname, search };
      if (onlySearch) history.replace(target);
      else history.push(target);
    },
    [history, location.pathname],
  );

  return [state, update] as const;
}
