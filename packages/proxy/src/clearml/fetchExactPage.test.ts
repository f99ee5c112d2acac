import { describe, expect, it } from 'vitest';
import { fetchExactPage } from './fetchExactPage.js';

/** ClearML's paging over `total` rows: offset = page * page_size, at most 500 rows a call. */
function fakeClearml(total: number) {
  const rows = Array.from({ length: total }, (_, i) => i);
  const calls: { page0: number; size: number }[] = [];
  const fetchRows = async (page0: number, size: number) => {
    calls.push({ page0, size });
    const capped = Math.min(size, 500);
    return rows.slice(page0 * capped, page0 * capped + capped);
  };
  return { rows, calls, fetchRows };
}

describe('fetchExactPage', () => {
  it('answers exactly the rows of every page and an exact has_more, whatever the sizes', async () => {
    for (const total of [0, 1, 49, 50, 51, 100, 101, 1200]) {
      for (const pageSize of [1, 2, 7, 50, 499, 500]) {
        const pages = Math.ceil(total / pageSize) + 1;
        for (let page = 1; page <= Math.min(pages, 30); page++) {
          const c = fakeClearml(total);
          const got = await fetchExactPage(c.fetchRows, page, pageSize);
          const start = (page - 1) * pageSize;
          expect(got.rows, `${total} rows, page ${page} of ${pageSize}`).toEqual(
            c.rows.slice(start, start + pageSize),
          );
          expect(got.hasMore, `${total} rows, page ${page} of ${pageSize}`).toBe(
            total > start + pageSize,
          );
        }
      }
    }
  });

  it('when page 1 is asked, then one call of page_size + 1 rows answers it (no probe)', async () => {
    const full = fakeClearml(120);
    expect(await fetchExactPage(full.fetchRows, 1, 50)).toMatchObject({ hasMore: true });
    expect(full.calls).toEqual([{ page0: 0, size: 51 }]);
    const exactlyFull = fakeClearml(50);
    expect(await fetchExactPage(exactlyFull.fetchRows, 1, 50)).toMatchObject({ hasMore: false });
    expect(exactlyFull.calls).toHaveLength(1);
  });

  it('when a later page is asked, then the page and a one-row probe go out', async () => {
    const c = fakeClearml(120);
    await fetchExactPage(c.fetchRows, 2, 50);
    expect(c.calls).toEqual([
      { page0: 1, size: 50 },
      { page0: 100, size: 1 },
    ]);
  });

  it('when page_size is ClearML’s maximum, then page 1 still uses the probe (501 rows cannot be asked)', async () => {
    const c = fakeClearml(600);
    expect(await fetchExactPage(c.fetchRows, 1, 500)).toMatchObject({ hasMore: true });
    expect(c.calls).toEqual([
      { page0: 0, size: 500 },
      { page0: 500, size: 1 },
    ]);
  });
});
