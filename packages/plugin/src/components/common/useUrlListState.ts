import { useCallback, useMemo } from 'react';
import { useHistory, useLocation } from 'react-router-dom';

/** A list view's page number lives in the URL with its filters; any other change resets it. */
export interface PagedState {
  page: number;
}

/**
 * A list's filters, sort and page, read from and written to the URL's query string, so a copied
 * link reproduces the view. Any change other than the page goes back to page 1.
 */
export function useUrlListState<S extends PagedState>(
  parse: (search: string) => S,
  format: (state: S) => string,
) {
  const location = useLocation();
  const history = useHistory();
  const state = useMemo(() => parse(location.search), [parse, location.search]);

  const update = useCallback(
    (patch: Partial<S>) => {
      // From history, not the render's closure: two quick changes must both count.
      const latest = parse(history.location.search);
      const next = { ...latest, ...patch, page: patch.page ?? 1 };
      const search = format(next);
      // Typing in the search box should not fill the back button's history.
      const onlySearch = Object.keys(patch).every((key) => key === 'search');
      const target = { pathname: history.location.pathname, search };
      if (onlySearch) history.replace(target);
      else history.push(target);
    },
    [history, parse, format],
  );

  return [state, update] as const;
}
