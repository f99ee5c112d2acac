import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatExact, formatRelative, RelativeTime } from './RelativeTime';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000);
const DAY = 86_400;

describe('formatRelative', () => {
  it('says "just now" under a minute', () => {
    expect(formatRelative(ago(0), NOW)).toBe('just now');
    expect(formatRelative(ago(59), NOW)).toBe('just now');
  });

  it('counts minutes, hours, days and weeks', () => {
    const words = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    expect(formatRelative(ago(5 * 60), NOW)).toBe(words.format(-5, 'minute'));
    expect(formatRelative(ago(3 * 3600 + 59), NOW)).toBe(words.format(-3, 'hour'));
    expect(formatRelative(ago(DAY), NOW)).toBe(words.format(-1, 'day'));
    expect(formatRelative(ago(15 * DAY), NOW)).toBe(words.format(-2, 'week'));
    expect(formatRelative(ago(29 * DAY), NOW)).toBe(words.format(-4, 'week'));
  });

  it('gives the date from 30 days on, so old runs still tell apart', () => {
    const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
    const june = new Date('2025-06-02T09:00:00Z');
    const may = new Date('2025-05-03T09:00:00Z');
    expect(formatRelative(ago(30 * DAY), NOW)).toBe(dates.format(ago(30 * DAY)));
    expect(formatRelative(june, NOW)).toBe(dates.format(june));
    // Both are "last year" as relative times; as dates they differ.
    expect(formatRelative(june, NOW)).not.toBe(formatRelative(may, NOW));
  });

  it('treats a date in the future (a skewed clock) the same way', () => {
    const words = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    expect(formatRelative(new Date(NOW + 2 * 3600 * 1000), NOW)).toBe(words.format(2, 'hour'));
    const later = new Date(NOW + 90 * DAY * 1000);
    expect(formatRelative(later, NOW)).toBe(
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(later),
    );
  });
});

describe('RelativeTime', () => {
  it('keeps the exact time in the title and the machine value in dateTime', () => {
    const value = '2025-06-02T09:00:00.000Z';
    render(<RelativeTime value={value} />);
    const time = screen.getByText(formatRelative(new Date(value)));
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('dateTime')).toBe(value);
    expect(time.getAttribute('title')).toBe(formatExact(value));
  });

  it('shows a dash for no value and the text itself for a value that is not a date', () => {
    const { rerender } = render(<RelativeTime value={null} />);
    expect(screen.getByText('—')).toBeTruthy();
    rerender(<RelativeTime value="soon" />);
    expect(screen.getByText('soon')).toBeTruthy();
  });
});
