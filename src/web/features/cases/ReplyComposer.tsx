import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Radio, Space, Tabs, Typography } from 'antd';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useEstate } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { PhraseCheckedTextArea, phraseWarningCount } from '../phrases/PhraseCheckedTextArea';
import { useCaseAction } from './api';
import { REPLY_METHODS, type ReplyMethod } from './types';

/** Ctrl+Enter (⌘+Enter on a Mac) sends, as in the intake screen. */
function isSendKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

/**
 * What is said to the resident (a reply, which meets the R-CP-1 deadline) and what is only
 * written for colleagues (an internal note) are two tabs, so one is never taken for the other.
 */
export function ReplyComposer({ caseId, disabled }: { caseId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const mayReply = can('case.reply');
  const [tab, setTab] = useState<'reply' | 'note'>(mayReply ? 'reply' : 'note');
  // Maintenance staff write notes on their repairs; replying to the resident is the office's.
  const items = [
    ...(mayReply
      ? [
          {
            key: 'reply',
            label: <span data-testid="composer-reply-tab">{t('cases.reply.tab')}</span>,
            children: <ReplyForm caseId={caseId} disabled={disabled} />,
          },
        ]
      : []),
    ...(can('case.note')
      ? [{ key: 'note', label: <span data-testid="composer-note-tab">{t('cases.note.tab')}</span>, children: <NoteForm caseId={caseId} /> }]
      : []),
  ];
  return <Tabs activeKey={tab} onChange={(key) => setTab(key === 'note' ? 'note' : 'reply')} data-testid="composer" items={items} />;
}

function ReplyForm({ caseId, disabled }: { caseId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const estate = useEstate();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const act = useCaseAction(caseId);
  const [method, setMethod] = useState<ReplyMethod>('call');
  const [content, setContent] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async () => {
    if (!content.trim() || sending) return;
    setSending(true);
    setError(null);
    try {
      const answer = await act('replies', { method, content: content.trim() });
      setContent('');
      // R-WD-2: the server checks the words as sent too; what it still found is said, never held against sending.
      const left = phraseWarningCount(answer);
      if (left > 0) message.warning(t('phrases.check.sentWithWarnings', { count: left }));
      else message.success(t('cases.reply.sent'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSending(false);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Enter from inside the text area, which keeps its own focus
    <div
      id="reply-composer"
      onKeyDown={(e) => {
        if (isSendKey(e)) {
          e.preventDefault();
          void send();
        }
      }}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Typography.Text type="secondary">{t('cases.reply.help')}</Typography.Text>
        <Radio.Group
          aria-label={t('cases.reply.method')}
          value={method}
          onChange={(e) => setMethod(e.target.value as ReplyMethod)}
          optionType="button"
          data-testid="reply-method"
          options={REPLY_METHODS.map((m) => ({ value: m, label: t(`cases.replyMethods.${m}`) }))}
        />
        <PhraseCheckedTextArea
          estateId={estate.id}
          value={content}
          onChange={setContent}
          rows={4}
          placeholder={t('cases.reply.placeholder')}
          aria-label={t('cases.reply.tab')}
          data-testid="reply-content"
        />
        {error && <Alert type="error" showIcon title={error} data-testid="reply-error" />}
        <Space>
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => void send()}
            loading={sending}
            disabled={disabled || !content.trim()}
            data-testid="reply-send"
          >
            {t('cases.reply.send')}
          </Button>
          <Typography.Text type="secondary">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </Typography.Text>
        </Space>
      </Space>
    </div>
  );
}

function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const act = useCaseAction(caseId);
  const [content, setContent] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!content.trim() || saving) return;
    setSaving(true);
    setError(null);
    try {
      await act('notes', { content: content.trim() });
      setContent('');
      message.success(t('cases.note.saved'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Typography.Text type="secondary">{t('cases.note.help')}</Typography.Text>
      <Input.TextArea
        rows={3}
        value={content}
        onChange={(e) => setContent(e.target.value)}
        onKeyDown={(e) => {
          if (isSendKey(e)) {
            e.preventDefault();
            void save();
          }
        }}
        placeholder={t('cases.note.placeholder')}
        aria-label={t('cases.note.tab')}
        data-testid="note-content"
      />
      {error && <Alert type="error" showIcon title={error} data-testid="note-error" />}
      <Button onClick={() => void save()} loading={saving} disabled={!content.trim()} data-testid="note-save">
        {t('cases.note.save')}
      </Button>
    </Space>
  );
}
