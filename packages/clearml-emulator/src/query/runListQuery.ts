import { validationError } from '../protocol/ApiError.js';
import type { Predicate } from './buildPredicate.js';
import { parseOrderBy } from './ordering.js';
import type { ScrollRegistry } from './ScrollRegistry.js';
import type { SortCache } from './SortCache.js';

export const MAX_PAGE_SIZE = 500;

export interface ListQuery<T> {
  body: Record<string, unknown>;
  /** The documents the query can possibly match (a project's tasks rather than all tasks). */
  candidates: () => readonly T[];
  /** Identifies `candidates` for the sort cache; undefined = do not cache. */
  scopeKey: string | undefined;
  predicate: Predicate;
  scrolls: ScrollRegistry;
  sortCache: SortCache;
}

export interface ListResult<T> {
  items: T[];
  scrollId?: string;
}

/**
 * Filtering, ordering, paging and scrolling as the real server's get_many does:
 * page (0-based) × page_size (default and maximum 500, silently capped), or a scroll.
 * Walks a cached sorted order and stops as soon as the page is full.
 */
export function runListQuery<T>(q: ListQuery<T>): ListResult<T> {
  const { body } = q;
  const order = parseOrderBy(body.order_by, body.search_text);
  let start: number;
  let size: number;
  let scroll: ReturnType<ScrollRegistry['getOrCreate']> | undefined;
  if ('scroll_id' in body) {
    size = scrollSize(body.size);
    scroll = q.scrolls.getOrCreate(body.scroll_id);
    if (body.refresh_scroll === true) {
      size = Math.max(scroll.position, size);
      scroll.position = 0;
    }
    start = scroll.position;
  } else {
    const page = (body.page as number | undefined) ?? 0;
    const pageSize = (body.page_size as number | undefined) ?? MAX_PAGE_SIZE;
    if (page < 0) throw validationError('page must be >=0', { field: 'page' });
    if (pageSize < 1) throw validationError('page_size must be >0', { field: 'page_size' });
    size = Math.min(pageSize, MAX_PAGE_SIZE);
    start = page * size;
  }

  const ordered =
    order.length === 0 ? q.candidates() : q.sortCache.sorted(q.scopeKey, order, q.candidates);
  const items: T[] = [];
  let skipped = 0;
  for (const doc of ordered) {
    if (!q.predicate(doc)) continue;
    if (skipped < start) {
      skipped++;
      continue;
    }
    items.push(doc);
    if (items.length >= size) break;
  }

  if (!scroll) return { items };
  scroll.position = start + items.length;
  q.scrolls.save(scroll);
  return { items, scrollId: scroll.id };
}

function scrollSize(size: unknown): number {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    throw validationError(
      'Integer size parameter greater than 1 should be provided when working with scroll',
      { field: 'size' },
    );
  }
  return size;
}
