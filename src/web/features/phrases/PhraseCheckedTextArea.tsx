import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { type CSSProperties, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhraseCheck, PhraseMatch } from '../../../contract/phrases';
import { api } from '../../app/api';
import { useEstate } from '../../app/session';

/** The longest text the server checks (CheckPhrasesBody). */
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
  /** Given by a form item, so its label names the text area. */
  id?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  'aria-label'?: string;
  /** Put on the text area itself, so a test types into it. */
  'data-testid'?: string;
}

/** The answer of the last check and the text it was made of. */
interface Checked extends PhraseCheck {
  text: string;
}

const NOTHING: Checked = { text: '', matches: [], revised: '', remaining: 0 };

/** The sentence as written, the phrase to rewrite underlined (at its own place, should its words be there twice). */
function SentenceAsWritten({ match, text }: { match: PhraseMatch; text: string }) {
  const sentenceStart = text.lastIndexOf(match.sentence, match.start);
  const at = sentenceStart >= 0 ? match.start - sentenceStart : match.sentence.indexOf(match.text);
  if (at < 0 || match.sentence.slice(at, at + match.text.length) !== match.text) return <span>{match.sentence}</span>;
  return (
    <span>
      {match.sentence.slice(0, at)}
      <mark style={UNDERLINE}>{match.text}</mark>
      {match.sentence.slice(at + match.text.length)}
    </span>
  );
}

/**
 * R-WD-1, R-WD-2: a text area for words a resident will read, checked against the estate's
 * phrase guide as they are typed. Each phrase to avoid is shown in its sentence, with the
 * sentence as the suggestion would make it; the writer takes one suggestion at a time, or
 * reviews the whole text with all of them put in before taking them all. The warning stays
 * until a check of the text as it now stands finds nothing. It warns; sending is never held back.
 */
export function PhraseCheckedTextArea({
  estateId,
  value,
  onChange,
  placeholder,
  rows,
  autoFocus,
  maxLength,
  id,
  onKeyDown,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: PhraseCheckedTextAreaProps) {
  const { t } = useTranslation();
  const text = value ?? '';
  const ref = useRef<TextAreaRef>(null);
  const [checked, setChecked] = useState<Checked>(NOTHING);
  const [unavailable, setUnavailable] = useState(false);
  const [reviewing, setReviewing] = useState(false);

  const checkable = text.trim() !== '' && text.length <= MAX_CHECKED;
  useEffect(() => {
    if (!checkable) {
      setChecked({ ...NOTHING, text });
      setUnavailable(false);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api
        .post<PhraseCheck>(`/estates/${estateId}/phrases/check`, { text }, { signal: controller.signal })
        .then((result) => {
          setChecked({ ...result, text });
          setUnavailable(false);
        })
        .catch(() => {
          // A check that fails only loses the hints; the words can still be written and sent.
          if (!controller.signal.aborted) setUnavailable(true);
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, estateId, checkable]);

  // The answer may be for an earlier text: until the text as it stands is checked, the warning
  // stays, with the suggestions whose words are still where they were.
  const current = checked.text === text;
  const matches = current ? checked.matches : checked.matches.filter((m) => text.slice(m.start, m.end) === m.text);
  const warn = checkable && checked.matches.length > 0;
  const canReview = current && checked.matches.length > 0 && checked.revised !== text;

  const focusAt = (position: number) => {
    window.requestAnimationFrame(() => {
      const area = ref.current?.resizableTextArea?.textArea;
      if (!area) return;
      area.focus();
      area.setSelectionRange(position, position);
    });
  };

  /** Puts one suggestion in place of its whole phrase; the text is then checked again. */
  const applyOne = (m: PhraseMatch) => {
    if (text.slice(m.start, m.end) !== m.text) return;
    setReviewing(false);
    onChange?.(text.slice(0, m.start) + m.replacement + text.slice(m.end));
    focusAt(m.start + m.replacement.length);
  };

  /** Takes the reviewed text with every suggestion in it; it is checked again like any edit. */
  const applyAll = () => {
    if (!canReview) return;
    setReviewing(false);
    onChange?.(checked.revised);
    focusAt(checked.revised.length);
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
        id={id}
        onKeyDown={onKeyDown}
        aria-label={ariaLabel ?? placeholder}
        data-testid={testId}
      />
      {warn && (
        <Alert
          type="warning"
          showIcon
          data-testid="phrase-warnings"
          data-current={current ? 'true' : 'false'}
          title={t('phrases.check.warning', { count: checked.matches.length })}
          description={
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {matches.map((m) => (
                  <li
                    key={`${m.start}-${m.ruleId}`}
                    data-testid="phrase-match"
                    data-start={m.start}
                    data-end={m.end}
                    style={{ padding: '4px 0', borderBottom: '1px solid rgba(0,0,0,0.06)' }}
                  >
                    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
                      <Typography.Text type="secondary">{t('phrases.check.avoid', { avoid: m.avoid })}</Typography.Text>
                      {m.note && (
                        <Typography.Text type="secondary" italic>
                          {m.note}
                        </Typography.Text>
                      )}
                    </div>
                    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
                      <Typography.Text data-testid="phrase-sentence" aria-label={t('phrases.check.asWritten')}>
                        <SentenceAsWritten match={m} text={text} />
                      </Typography.Text>
                      <ArrowRightOutlined aria-hidden />
                      <Typography.Text strong data-testid="phrase-preview" aria-label={t('phrases.check.suggested')}>
                        {m.preview}
                      </Typography.Text>
                      <Button
                        size="small"
                        disabled={!current}
                        onClick={() => applyOne(m)}
                        aria-label={t('phrases.check.replaceLabel', { text: m.text, suggestion: m.replacement })}
                        data-testid="phrase-replace"
                      >
                        {t('phrases.check.replace')}
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
              {!current && (
                <Typography.Text type="secondary" data-testid="phrase-checking">
                  {t('phrases.check.checking')}
                </Typography.Text>
              )}
              {reviewing && canReview ? (
                <div data-testid="phrase-review">
                  <Typography.Text strong>{t('phrases.check.reviewTitle')}</Typography.Text>
                  <Typography.Paragraph
                    data-testid="phrase-revised"
                    style={{ whiteSpace: 'pre-wrap', maxHeight: 160, overflow: 'auto', margin: '4px 0', padding: 8, background: '#fff' }}
                  >
                    {checked.revised}
                  </Typography.Paragraph>
                  {checked.remaining > 0 && (
                    <Typography.Paragraph type="warning" data-testid="phrase-review-remaining">
                      {t('phrases.check.stillFound', { count: checked.remaining })}
                    </Typography.Paragraph>
                  )}
                  <Space wrap>
                    <Button size="small" type="primary" onClick={applyAll} data-testid="phrase-apply-all">
                      {t('phrases.check.applyAll')}
                    </Button>
                    <Button size="small" onClick={() => setReviewing(false)} data-testid="phrase-review-cancel">
                      {t('phrases.check.keepEditing')}
                    </Button>
                  </Space>
                </div>
              ) : (
                <Space wrap>
                  <Typography.Text type="secondary">{t('phrases.check.help')}</Typography.Text>
                  {checked.matches.length > 1 && (
                    <Button
                      size="small"
                      type="link"
                      disabled={!canReview}
                      onClick={() => setReviewing(true)}
                      data-testid="phrase-review-all"
                    >
                      {t('phrases.check.reviewAll')}
                    </Button>
                  )}
                </Space>
              )}
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

/**
 * The phrase-checked text area inside a form dialog, for the selected estate: Ctrl+Enter (⌘+Enter)
 * submits the form, as the dialogs' other text areas do (R-WD-2: words a resident will read).
 */
export function FormPhraseTextArea(props: Omit<PhraseCheckedTextAreaProps, 'estateId' | 'onKeyDown'>) {
  const estate = useEstate();
  const form = Form.useFormInstance();
  return (
    <PhraseCheckedTextArea
      {...props}
      estateId={estate.id}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          form.submit();
        }
      }}
    />
  );
}

/** How many phrases the guide still found in the words a write sent (its answer's phraseWarnings). */
export function phraseWarningCount(answer: unknown): number {
  if (typeof answer !== 'object' || answer === null || !('phraseWarnings' in answer)) return 0;
  const warnings = (answer as { phraseWarnings?: { matches: unknown[] }[] }).phraseWarnings ?? [];
  return warnings.reduce((n, w) => n + w.matches.length, 0);
}
