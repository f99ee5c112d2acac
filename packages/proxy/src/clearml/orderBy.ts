/** The contract's `sort` (`-field` = descending) → ClearML's order_by (ClearML adds `id` as tie-breaker). */
export function orderBy(sort: string | undefined, map: Record<string, string>, fallback: string) {
  const s = sort ?? fallback;
  const desc = s.startsWith('-');
  const field = map[desc ? s.slice(1) : s] ?? map[fallback.replace(/^-/, '')] ?? 'name';
  return [`${desc ? '-' : ''}${field}`];
}
