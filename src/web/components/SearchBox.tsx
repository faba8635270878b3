import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface SearchBoxProps {
  value: string;
  placeholder: string;
  onSearch: (value: string) => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The list's search box: "/" focuses it from anywhere on the page, Enter searches at once. */
export function SearchBox({ value, placeholder, onSearch }: SearchBoxProps) {
  const { t } = useTranslation();
  const ref = useRef<InputRef>(null);
  const [text, setText] = useState(value);

  useEffect(() => setText(value), [value]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // Inside an open dialog "/" belongs to the dialog, not to the list behind it.
      if (event.target instanceof Element && event.target.closest('[role="dialog"]')) return;
      event.preventDefault();
      ref.current?.focus({ cursor: 'all' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Typing searches after a short pause, so the list follows without a request per key.
  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const timer = window.setTimeout(() => onSearch(text), 350);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <Input.Search
      ref={ref}
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v)}
      placeholder={placeholder}
      aria-label={placeholder}
      suffix={<kbd title={t('search.shortcut')}>/</kbd>}
      style={{ width: 280 }}
      data-testid="search"
    />
  );
}
