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
 * Contract page (1-based) → one ClearML call when possible. ClearML has no total, so an exact
 * `has_more` needs the row after the page. ClearML pages start at `page * page_size`, so we look
 * for the smallest window size q (one more row than the page, up to a bounded overfetch) whose
 * ClearML page k = floor(offset / q) covers the page and the row after it; the page's rows are a
 * slice of that window. Page 1 always takes q = page_size + 1. When no window fits within the
 * overfetch bound (page 2 would need 2 * size + 1 rows; page_size 500 is ClearML's cap), the page
 * and a one-row probe at the next offset go out together instead.
 */
export async function fetchExactPage<T>(
  fetchRows: RowFetcher<T>,
  page: number,
  pageSize: number,
): Promise<ExactPage<T>> {
  const offset = (page - 1) * pageSize;
  const window = coveringWindow(offset, pageSize);
  if (window) {
    const rows = await fetchRows(window.page0, window.size, false);
    const skip = offset - window.page0 * window.size;
    return {
      rows: rows.slice(skip, skip + pageSize),
      hasMore: rows.length > skip + pageSize,
    };
  }
  // Both go out together: the probe is cheap, and a full page is the common case.
  const [rows, probe] = await Promise.all([
    fetchRows(page - 1, pageSize, false),
    fetchRows(page * pageSize, 1, true),
  ]);
  if (rows.length < pageSize) return { rows, hasMore: false };
  return { rows: rows.slice(0, pageSize), hasMore: probe.length > 0 };
}

/**
 * The smallest ClearML page (size q, index k) holding rows [offset, offset + pageSize] — the page
 * and the row after it. At most half a page of extra rows (never over 500 in all): measured on
 * the emulator, a row costs ~0.015 ms and a call ~0.2 ms plus ~0.4 ms of our own CPU, so
 * reading 50 extra rows (page 2 of 50 in one call of 101) costs more than a one-row probe.
 */
export function coveringWindow(
  offset: number,
  pageSize: number,
): { page0: number; size: number } | null {
  const need = offset + pageSize + 1;
  const largest = Math.min(CLEARML_MAX_PAGE, pageSize + Math.ceil(pageSize / 2) + 1);
  for (let size = pageSize + 1; size <= largest; size++) {
    const page0 = Math.floor(offset / size);
    if ((page0 + 1) * size >= need) return { page0, size };
  }
  return null;
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
