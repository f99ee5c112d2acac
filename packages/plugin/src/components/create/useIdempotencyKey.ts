import { useCallback, useRef } from 'react';

function randomUuid(): string {
  // crypto.randomUUID exists only in secure contexts; CVAT may be served over plain http.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One key per logical submission: every retry and double click of the same form content reuses
 * it (so the proxy creates one task), and a new key is made only after success or an edit.
 */
export function useIdempotencyKey() {
  const key = useRef<string | null>(null);
  const current = useCallback(() => (key.current ??= randomUuid()), []);
  const renew = useCallback(() => {
    key.current = null;
  }, []);
  return { current, renew };
}
