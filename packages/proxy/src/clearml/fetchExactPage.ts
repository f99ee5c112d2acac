import { UpstreamError } from '../errors/index.js';

/** Fetches `size` rows starting at row `offset` (ClearML: page = offset / size, page_size = size). */
export type RowFetcher<T> = (page0: number, pageSize: number, probe: boolean) => Promise<T[]>;

export interface ExactPage<T> {
  rows: T[];
  hasMore: boolean;
}

/** ClearML's largest page. */
const CLEARML_MAX_PAGE = 500;

/**
 * Contract page (1-based) → ClearML page (0-based) of the same size, so offsets line up.
 * ClearML has no total, so `has_more` for a full page comes from a one-row probe at the next
 * offset (page_size 1, page = page * page_size): exact even when the last page is exactly full.
 * When a ClearML page of one more row starts at the same offset (always so on page 1, the page
 * most lists are seen at), that single call says both, and the probe is not needed.
 */
export async function fetchExactPage<T>(
  fetchRows: RowFetcher<T>,
  page: number,
  pageSize: number,
): Promise<ExactPage<T>> {
  const offset = (page - 1) * pageSize;
  const wide = pageSize + 1;
  if (wide <= CLEARML_MAX_PAGE && offset % wide === 0) {
    const rows = await fetchRows(offset / wide, wide, false);
    return { rows: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
  }
  // Both go out together: the probe is cheap, and a full page is the common case.
  const [rows, probe] = await Promise.all([
    fetchRows(page - 1, pageSize, false),
    fetchRows(page * pageSize, 1, true),
  ]);
  if (rows.length < pageSize) return { rows, hasMore: false };
  return { rows: rows.slice(0, pageSize), hasMore: probe.length > 0 };
}

/** Every row, 500 at a time (ClearML's cap), bounded so a runaway list cannot loop forever. */
export async function fetchAllRows<T>(
  fetchRows: (page0: number, pageSize: number) => Promise<T[]>,
  maxPages = 200,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < maxPages; page++) {
    const rows = await fetchRows(page, 500);
    all.push(...rows);
    if (rows.length < 500) return all;
  }
  throw new UpstreamError(`ClearML listed more than ${maxPages * 500} entries; narrow the query`);
}
