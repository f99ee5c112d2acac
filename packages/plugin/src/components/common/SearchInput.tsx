import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue';

export interface SearchInputProps {
  label: string;
  value: string;
  onSearch: (value: string) => void;
  delayMs?: number;
  style?: React.CSSProperties;
}

/** A search box that reports what was typed once typing pauses. */
export function SearchInput({ label, value, onSearch, delayMs = 300, style }: SearchInputProps) {
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, delayMs);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (debounced.trim() !== value) onSearch(debounced.trim());
    // onSearch is a fresh closure each render; only typed text should trigger a search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return (
    <Input.Search
      aria-label={label}
      placeholder={label}
      allowClear
      value={text}
      onChange={(event) => setText(event.target.value)}
      onSearch={(next) => onSearch(next.trim())}
      style={style}
    />
  );
}
