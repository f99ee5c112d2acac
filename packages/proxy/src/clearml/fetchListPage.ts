import type { CallOptions } from './createClearmlClient.js';
import { fetchExactPage, type ExactPage } from './fetchExactPage.js';
import { clearml, type ServiceDeps } from './serviceDeps.js';

type Row = Record<string, unknown>;

/**
 * One contract page of a ClearML `*.get_all_ex` list: the filter as given, projected to the
 * fields the list returns (only the id when probing for `has_more`).
 */
export function fetchListPage(
  deps: ServiceDeps,
  endpoint: 'tasks.get_all_ex' | 'models.get_all_ex',
  where: Row,
  fields: readonly string[],
  page: number,
  pageSize: number,
  opts: CallOptions,
): Promise<ExactPage<Row>> {
  const rowsKey = endpoint === 'tasks.get_all_ex' ? 'tasks' : 'models';
  return fetchExactPage(
    (page0, size, probe) =>
      clearml<Record<string, Row[] | undefined>>(
        deps,
        endpoint,
        { ...where, only_fields: probe ? ['id'] : fields, page: page0, page_size: size },
        opts,
      ).then((d) => d[rowsKey] ?? []),
    page,
    pageSize,
  );
}
