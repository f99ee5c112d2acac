import { describe, expect, it } from 'vitest';
import { coveringWindow, fetchExactPage } from './fetchExactPage.js';

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
      for (const pageSize of [1, 2, 7, 50, 120, 300, 499, 500]) {
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

  it('when a later page is asked, then one wider ClearML page holding it and the next row answers it', async () => {
    const c = fakeClearml(1000);
    expect(await fetchExactPage(c.fetchRows, 3, 50)).toEqual({
      rows: c.rows.slice(100, 150),
      hasMore: true,
    });
    // Rows 76..151 (page 1 of 76) hold rows 100..149 and row 150.
    expect(c.calls).toEqual([{ page0: 1, size: 76 }]);
    const deep = fakeClearml(1000);
    expect(await fetchExactPage(deep.fetchRows, 10, 50)).toEqual({
      rows: deep.rows.slice(450, 500),
      hasMore: true,
    });
    expect(deep.calls).toEqual([{ page0: 8, size: 56 }]);
  });

  it('when page 2 is asked, then the page and a one-row probe go out (one window would need 101 rows)', async () => {
    expect(coveringWindow(50, 50)).toBeNull();
    const c = fakeClearml(120);
    expect(await fetchExactPage(c.fetchRows, 2, 50)).toEqual({
      rows: c.rows.slice(50, 100),
      hasMore: true,
    });
    expect(c.calls).toEqual([
      { page0: 1, size: 50 },
      { page0: 100, size: 1 },
    ]);
  });

  it('for many pages and sizes, then one call covers the page and the next row, within half a page of overfetch', async () => {
    let windows = 0;
    for (const pageSize of [1, 2, 3, 7, 10, 25, 50, 100, 200]) {
      for (let page = 1; page <= 200; page++) {
        const offset = (page - 1) * pageSize;
        const w = coveringWindow(offset, pageSize);
        if (!w) continue;
        windows++;
        expect(w.size).toBeGreaterThan(pageSize);
        expect(w.size).toBeLessThanOrEqual(Math.min(500, pageSize + Math.ceil(pageSize / 2) + 1));
        expect(w.page0 * w.size).toBeLessThanOrEqual(offset);
        expect((w.page0 + 1) * w.size).toBeGreaterThanOrEqual(offset + pageSize + 1);
        const total = offset + pageSize + (page % 3) - 1; // short, exactly full, one more
        const c = fakeClearml(total);
        const got = await fetchExactPage(c.fetchRows, page, pageSize);
        expect(got.rows, `page ${page} of ${pageSize}`).toEqual(
          c.rows.slice(offset, offset + pageSize),
        );
        expect(got.hasMore, `page ${page} of ${pageSize}`).toBe(total > offset + pageSize);
        expect(c.calls).toEqual([w]);
      }
    }
    // Pages 1 and 3–10 of 50 take one call.
    expect(coveringWindow(0, 50)).toEqual({ page0: 0, size: 51 });
    for (let page = 3; page <= 10; page++) {
      expect(coveringWindow((page - 1) * 50, 50)).not.toBeNull();
    }
    expect(windows).toBeGreaterThan(1000);
  });

  it('when no window fits, then the page and a one-row probe go out', async () => {
    // 300 rows a page from offset 300 would need 601 rows in one call: over ClearML's 500.
    expect(coveringWindow(300, 300)).toBeNull();
    const c = fakeClearml(700);
    expect(await fetchExactPage(c.fetchRows, 2, 300)).toEqual({
      rows: c.rows.slice(300, 600),
      hasMore: true,
    });
    expect(c.calls).toEqual([
      { page0: 1, size: 300 },
      { page0: 600, size: 1 },
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
