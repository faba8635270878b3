import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhraseCheck, PhraseMatch } from '../../../contract/phrases';
import { api } from '../../app/api';

/** The longest reply the server checks (CheckPhrasesBody). */
const MAX_CHECKED = 20_000;
/** Checks follow the typing after a short pause, not a request per key. */
const DEBOUNCE_MS = 250;

const UNDERLINE: CSSProperties = {
  background: 'transparent',
  padding: 0,
  color: 'inherit',
  textDecoration: 'underline wavy #d48806',
  textUnderlineOffset: 3,
};

export interface PhraseCheckedTextAreaProps {
  estateId: string;
  value?: string;
  onChange?: (value: string) => void;
  placeholder?: string;
  rows?: number;
  autoFocus?: boolean;
  maxLength?: number;
  'aria-label'?: string;
  /** Put on the text area itself, so a test types into it. */
  'data-testid'?: string;
}

interface Checked {
  text: string;
  matches: PhraseMatch[];
}

/** The matches of the last check that still sit on the same words of the text as it is now. */
function stillThere(text: string, checked: Checked): PhraseMatch[] {
  if (checked.text === text) return checked.matches;
  return checked.matches.filter((m) => text.slice(m.start, m.end) === m.text);
}

/** The text cut into plain runs and matched words, in order. */
function segments(text: string, matches: PhraseMatch[]): { key: string; text: string; match: PhraseMatch | null }[] {
  const out: { key: string; text: string; match: PhraseMatch | null }[] = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) out.push({ key: `t${at}`, text: text.slice(at, m.start), match: null });
    out.push({ key: `m${m.start}`, text: m.text, match: m });
    at = m.end;
  }
  if (at < text.length) out.push({ key: `t${at}`, text: text.slice(at), match: null });
  return out;
}

function MatchedWords({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <mark style={UNDERLINE} title={title}>
      {children}
    </mark>
  );
}

/**
 * R-WD-1: a text area for replies to residents that checks the words against the estate's
 * phrase guide as they are typed. Each phrase to avoid is underlined with the phrase to use
 * instead and a button that puts it in place. It warns; sending is never held back.
 */
export function PhraseCheckedTextArea({
  estateId,
  value,
  onChange,
  placeholder,
  rows,
  autoFocus,
  maxLength,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: PhraseCheckedTextAreaProps) {
  const { t } = useTranslation();
  const text = value ?? '';
  const ref = useRef<TextAreaRef>(null);
  const [checked, setChecked] = useState<Checked>({ text: '', matches: [] });
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    if (!text.trim() || text.length > MAX_CHECKED) {
      setChecked({ text, matches: [] });
      setUnavailable(false);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api
        .post<PhraseCheck>(`/estates/${estateId}/phrases/check`, { text }, { signal: controller.signal })
        .then((result) => {
          setChecked({ text, matches: result.matches });
          setUnavailable(false);
        })
        .catch(() => {
          // A check that fails only loses the hints; the reply can still be written and sent.
          if (!controller.signal.aborted) setUnavailable(true);
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, estateId]);

  const matches = stillThere(text, checked);

  const focusAt = (position: number) => {
    window.requestAnimationFrame(() => {
      const area = ref.current?.resizableTextArea?.textArea;
      if (!area) return;
      area.focus();
      area.setSelectionRange(position, position);
    });
  };

  /** Puts the suggestion in place of exactly the matched words; later matches move with the text. */
  const replace = (targets: PhraseMatch[]) => {
    let next = text;
    let caret = 0;
    // From the end, so the positions of the earlier ones still hold.
    for (const m of [...targets].sort((a, b) => b.start - a.start)) {
      if (next.slice(m.start, m.end) !== m.text) continue;
      next = next.slice(0, m.start) + m.suggestion + next.slice(m.end);
      caret = Math.max(caret, m.start + m.suggestion.length);
    }
    if (next === text) return;
    const replaced = new Set(targets);
    const rest = matches
      .filter((m) => !replaced.has(m))
      .map((m) => {
        const shift = targets.filter((r) => r.end <= m.start).reduce((sum, r) => sum + r.suggestion.length - (r.end - r.start), 0);
        return shift ? { ...m, start: m.start + shift, end: m.end + shift } : m;
      });
    setChecked({ text: next, matches: rest });
    onChange?.(next);
    focusAt(caret);
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Input.TextArea
        ref={ref}
        value={text}
        onChange={(e) => onChange?.(e.target.value)}
        rows={rows}
        placeholder={placeholder}
        autoFocus={autoFocus}
        maxLength={maxLength}
        aria-label={ariaLabel ?? placeholder}
        data-testid={testId}
      />
      {matches.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="phrase-warnings"
          title={t('phrases.check.warning', { count: matches.length })}
          description={
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <Typography.Paragraph
                data-testid="phrase-preview"
                style={{ whiteSpace: 'pre-wrap', maxHeight: 120, overflow: 'auto', margin: 0 }}
              >
                {segments(text, matches).map((s) =>
                  s.match ? (
                    <MatchedWords key={s.key} title={t('phrases.check.instead', { suggestion: s.match.suggestion })}>
                      {s.text}
                    </MatchedWords>
                  ) : (
                    <span key={s.key}>{s.text}</span>
                  ),
                )}
              </Typography.Paragraph>
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {matches.map((m) => (
                  <li
                    key={`${m.start}-${m.ruleId}`}
                    data-testid="phrase-match"
                    data-start={m.start}
                    data-end={m.end}
                    style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, padding: '2px 0' }}
                  >
                    <MatchedWords>{m.text}</MatchedWords>
                    <ArrowRightOutlined aria-hidden />
                    <Typography.Text strong data-testid="phrase-suggestion">
                      {m.suggestion}
                    </Typography.Text>
                    <Button
                      size="small"
                      onClick={() => replace([m])}
                      aria-label={t('phrases.check.replaceLabel', { text: m.text, suggestion: m.suggestion })}
                      data-testid="phrase-replace"
                    >
                      {t('phrases.check.replace')}
                    </Button>
                    {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
                  </li>
                ))}
              </ul>
              <Space wrap>
                <Typography.Text type="secondary">{t('phrases.check.help')}</Typography.Text>
                {matches.length > 1 && (
                  <Button size="small" type="link" onClick={() => replace(matches)} data-testid="phrase-replace-all">
                    {t('phrases.check.replaceAll')}
                  </Button>
                )}
              </Space>
            </Space>
          }
        />
      )}
      {unavailable && (
        <Typography.Text type="secondary" data-testid="phrase-check-unavailable">
          {t('phrases.check.unavailable')}
        </Typography.Text>
      )}
      {text.length > MAX_CHECKED && <Typography.Text type="secondary">{t('phrases.check.tooLong')}</Typography.Text>}
    </Space>
  );
}
