import type { CallOptions } from './createClearmlClient.js';
import { fetchAllRows } from './fetchExactPage.js';
import { str } from './parseValues.js';
import { clearml, type ServiceDeps } from './serviceDeps.js';
import type { CallContext } from './types.js';

type Row = Record<string, unknown>;

/**
 * The ids of every project matching a ClearML filter that the caller's scope lets them see:
 * ClearML filters by project id, never by our name patterns, so the scope is applied here.
 */
export async function allowedProjectIds(
  deps: ServiceDeps,
  filter: Row,
  ctx: CallContext,
  opts: CallOptions,
): Promise<string[]> {
  const rows = await fetchAllRows((page0, size) =>
    clearml<{ projects?: Row[] }>(
      deps,
      'projects.get_all_ex',
      { ...filter, only_fields: ['id', 'name'], page: page0, page_size: size },
      opts,
    ).then((d) => d.projects ?? []),
  );
  return rows
    .filter((r) => ctx.scope.allows(str(r.name) ?? ''))
    .map((r) => str(r.id))
    .filter((id): id is string => id !== null);
}
