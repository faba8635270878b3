import {
  ClearOutlined,
  FileAddOutlined,
  HomeOutlined,
  MessageOutlined,
  PhoneOutlined,
  ReloadOutlined,
  SoundOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Empty, Input, type InputRef, List, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { ruleTitle, translateOr } from '../../i18n';
import { useNow } from '../cases/ObligationBadge';
import { PRESENCE_COLORS } from '../directory/types';
import { useUntilText } from '../presence/PresenceCard';
import { useCallerLookup, useDeskScripts, useGreeting } from './api';
import { ColleagueSelect, usePresenceOf } from './ColleagueSelect';
import { type CallDraft, LogCallDialog, type MessageDraft, TakeMessageDialog } from './DeskDialogs';
import { clockText, reasonOf, scriptText, situationOf } from './scripts';
import { useAltShortcuts } from './shortcuts';
import { CASE_SHORTCUTS, type CallerMatch, type CaseShortcut } from './types';
import { unitLabel } from './UnitSelect';

const PHONE = /^\+?[0-9 ()-]{3,20}$/;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** R-PH-1: what to say on picking up, in the screen's language; it turns from morning to afternoon by itself. */
function GreetingCard({ locale }: { locale: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const greeting = useGreeting(locale);
  return (
    <div className="ed-greeting" data-testid="desk-greeting-card">
      <Space size={8} align="start">
        <SoundOutlined style={{ fontSize: 20, marginTop: 4 }} />
        <div>
          <Typography.Text type="secondary" title={ruleTitle('frontDesk.phone.greetingLabel')}>
            {t('frontDesk.phone.greetingLabel')}
          </Typography.Text>
          {greeting.error ? (
            <Typography.Paragraph type="danger">{errorText(greeting.error)}</Typography.Paragraph>
          ) : greeting.data ? (
            <Typography.Paragraph
              className="ed-greeting-text"
              data-testid="desk-greeting"
              data-time-of-day={greeting.data.timeOfDay}
              style={{ marginBottom: 0 }}
            >
              {greeting.data.text}
            </Typography.Paragraph>
          ) : (
            <Spin size="small" />
          )}
        </div>
      </Space>
    </div>
  );
}

/** How long the call has lasted: from when the desk picked up (opened the panel or began a new call). */
function CallClock({ startedAt }: { startedAt: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <Tag icon={<PhoneOutlined />} color="processing" data-testid="call-timer">
      {t('frontDesk.phone.callTime', { time: clockText(now - startedAt) })}
    </Tag>
  );
}

/** A resident found by the caller box: unit, household and open cases, each case a link. */
function CallerDetail({ caller, onClear }: { caller: CallerMatch; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="caller-chosen"
      data-resident-id={caller.residentId ?? ''}
      title={
        <Space wrap>
          <UserOutlined />
          <span data-testid="caller-name">{caller.name}</span>
          {caller.kind && <Tag>{translateOr(`residents.kinds.${caller.kind}`, caller.kind)}</Tag>}
          {caller.phone && <a href={`tel:${caller.phone}`}>{caller.phone}</a>}
        </Space>
      }
      extra={
        <Button size="small" type="text" icon={<ClearOutlined />} onClick={onClear} aria-label={t('frontDesk.phone.clearCaller')}>
          Esc
        </Button>
      }
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text data-testid="caller-unit">
          <HomeOutlined /> {caller.unit ? unitLabel(caller.unit) : t('frontDesk.phone.noUnit')}
        </Typography.Text>
        {caller.household.length > 0 && (
          <Typography.Text type="secondary" data-testid="caller-household">
            {t('frontDesk.phone.household')}:{' '}
            {caller.household
              .map((h) => [h.name, translateOr(`residents.kinds.${h.kind}`, h.kind), h.phone].filter(Boolean).join(' '))
              .join(' · ')}
          </Typography.Text>
        )}
        <Typography.Text strong>{t('frontDesk.phone.openCases', { count: caller.openCases.length })}</Typography.Text>
        {caller.openCases.length > 0 && (
          <List
            size="small"
            dataSource={caller.openCases}
            data-testid="caller-open-cases"
            renderItem={(c) => (
              <List.Item>
                <Space size={6} wrap>
                  <Link to={`/cases/${c.id}`} data-testid="caller-open-case">
                    {c.number}
                  </Link>
                  <Tag>{t(`caseKinds.${c.kind}`)}</Tag>
                  <Tag color={c.overdue ? 'error' : 'default'}>{t(`cases.statuses.${c.status}`)}</Tag>
                  <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                    {c.description}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}

/** Typing a phone number or unit lists the matching residents; arrow keys and Enter pick one. */
function CallerBox({
  inputRef,
  text,
  onText,
  caller,
  onPick,
}: {
  inputRef: RefObject<InputRef | null>;
  text: string;
  onText: (text: string) => void;
  caller: CallerMatch | null;
  onPick: (caller: CallerMatch | null) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const q = useDebounced(text.trim(), 200);
  const lookup = useCallerLookup(q);
  const [active, setActive] = useState(0);
  const fresh = q.length > 0 && q === text.trim() && !lookup.isPlaceholderData;
  const matches = fresh ? (lookup.data?.items ?? []) : [];
  const showList = q.length > 0 && (!caller || text.trim() !== '');

  const pick = (match: CallerMatch | undefined) => {
    if (!match) return;
    onPick(match);
    onText('');
  };

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Input
        ref={inputRef}
        autoFocus
        allowClear
        size="large"
        prefix={<PhoneOutlined />}
        value={text}
        onChange={(e) => {
          onText(e.target.value);
          setActive(0);
        }}
        placeholder={t('frontDesk.phone.callerPlaceholder')}
        aria-label={t('frontDesk.phone.callerLabel')}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, Math.max(matches.length - 1, 0)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            pick(matches[active]);
          } else if (e.key === 'Escape') {
            onText('');
            onPick(null);
          }
        }}
        data-testid="caller-search"
      />
      {showList &&
        (lookup.error ? (
          <Alert type="error" showIcon title={errorText(lookup.error)} />
        ) : !fresh ? (
          <Spin size="small" />
        ) : matches.length === 0 ? (
          <Typography.Text type="secondary" data-testid="caller-none">
            {t('frontDesk.phone.callerNotFound')}
          </Typography.Text>
        ) : (
          <div className="ed-caller-results" data-testid="caller-results">
            {matches.map((m, i) => (
              <Button
                key={`${m.residentId}:${m.unit?.id ?? ''}`}
                block
                type={i === active ? 'primary' : 'default'}
                ghost={i === active}
                onClick={() => pick(m)}
                onMouseEnter={() => setActive(i)}
                data-testid="caller-result"
                data-resident-id={m.residentId ?? ''}
                style={{ justifyContent: 'flex-start', height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              >
                <Space size={8} wrap>
                  <UserOutlined />
                  <span>{m.name}</span>
                  {m.unit && <Typography.Text type="secondary">{unitLabel(m.unit)}</Typography.Text>}
                  {m.phone && <Typography.Text type="secondary">{m.phone}</Typography.Text>}
                  {m.openCases.length > 0 && <Tag color="orange">{t('frontDesk.phone.openCases', { count: m.openCases.length })}</Tag>}
                </Space>
              </Button>
            ))}
          </div>
        ))}
      {caller && <CallerDetail caller={caller} onClear={() => onPick(null)} />}
    </Space>
  );
}

/** R-PH-2: where the colleague asked for is, and the plan's words for it (reworded by the estate). */
function ColleaguePanel({ staffId, onChange, locale }: { staffId: string | null; onChange: (id: string | null) => void; locale: string }) {
  const { t } = useTranslation();
  const untilText = useUntilText();
  const scripts = useDeskScripts();
  const row = usePresenceOf(staffId);
  const situation = row ? situationOf(row.presence.state) : null;
  const until = row ? untilText(row.presence.until) : null;
  const script =
    row && situation
      ? scriptText(scripts.data?.items, situation, locale, { name: row.staff.name, until: until ?? t('frontDesk.phone.untilUnknown') })
      : null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <ColleagueSelect
        value={staffId}
        onChange={onChange}
        testId="colleague-select"
        placeholder={t('frontDesk.phone.askedForPlaceholder')}
      />
      {row && (
        <Space wrap size={6} data-testid="colleague-presence" data-state={row.presence.state}>
          <Tag color={PRESENCE_COLORS[row.presence.state]}>{t(`presence.states.${row.presence.state}`)}</Tag>
          {until && <Typography.Text>{t('presence.backAt', { time: until })}</Typography.Text>}
          {row.presence.onTask && <Tag color="magenta">{t('presence.onTask')}</Tag>}
          {row.staff.departmentName && <Typography.Text type="secondary">{row.staff.departmentName}</Typography.Text>}
          {row.presence.note && <Typography.Text type="secondary">{row.presence.note}</Typography.Text>}
        </Space>
      )}
      {script && situation && (
        <Alert
          type={situation === 'hold' ? 'success' : 'warning'}
          showIcon
          icon={<SoundOutlined />}
          title={<span data-testid="colleague-script-label">{t(`frontDesk.scripts.situations.${situation}`)}</span>}
          description={
            <Typography.Text strong data-testid="colleague-script" data-situation={situation}>
              {script}
            </Typography.Text>
          }
        />
      )}
    </Space>
  );
}

// Inherits the button's colours, so the key stays readable on a primary button.
const KEY_STYLE = { color: 'inherit', background: 'transparent', borderColor: 'currentColor', opacity: 0.75 } as const;

/** The label of a button with the key that does the same. */
function Keyed({ label, keys }: { label: string; keys: string }) {
  return (
    <span>
      {label} <kbd style={KEY_STYLE}>{keys}</kbd>
    </span>
  );
}

/**
 * The phone desk: the greeting to say, who is calling, whom they ask for, and one key to take
 * a message, log the call or turn it into a case (R-PH-1..4).
 */
export function PhoneDesk() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = i18n.language;
  const callerInput = useRef<InputRef>(null);
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [text, setText] = useState('');
  const [caller, setCaller] = useState<CallerMatch | null>(null);
  const [askedForId, setAskedForId] = useState<string | null>(null);
  const [messageDraft, setMessageDraft] = useState<MessageDraft | null>(null);
  const [callDraft, setCallDraft] = useState<CallDraft | null>(null);
  const askedFor = usePresenceOf(askedForId);
  const can = useCan();
  const mayTakeMessage = can('message.take');
  const mayLogCall = can('call.log');
  const mayRecordCase = can('case.create');
  const typedPhone = !caller && PHONE.test(text.trim()) ? text.trim() : null;

  const newCall = () => {
    setStartedAt(Date.now());
    setText('');
    setCaller(null);
    setAskedForId(null);
    callerInput.current?.focus();
  };

  const takeMessage = () =>
    setMessageDraft({
      forStaffId: askedForId,
      callerName: caller?.name,
      callerPhone: caller?.phone ?? typedPhone,
      unit: caller?.unit ?? null,
      reason: askedFor ? reasonOf(askedFor.presence.state) : 'promise',
      expectedBackAt: askedFor?.presence.until ?? null,
      call: { startedAt, residentId: caller?.residentId ?? null },
    });

  const logCall = () =>
    setCallDraft({
      startedAt,
      callerName: caller?.name,
      callerPhone: caller?.phone ?? typedPhone,
      unit: caller?.unit ?? null,
      residentId: caller?.residentId ?? null,
      askedForId,
    });

  /** The new-case screen, filled in with the kind, the phone and the caller; the call is logged when the case is saved. */
  const toCase = (kind: CaseShortcut) => {
    const params = new URLSearchParams({ kind, channel: 'phone', callStartedAt: new Date(startedAt).toISOString() });
    if (caller?.unit) params.set('unitId', caller.unit.id);
    if (caller?.residentId) params.set('residentId', caller.residentId);
    const phone = caller?.phone ?? typedPhone;
    if (caller?.name) params.set('residentName', caller.name);
    if (phone) params.set('residentPhone', phone);
    if (askedForId) params.set('askedForId', askedForId);
    void navigate(`/cases/new?${params.toString()}`);
  };

  // Only the keys of what the person may do: a key for a hidden button would do nothing but fail.
  useAltShortcuts({
    ...(mayTakeMessage && { m: takeMessage }),
    ...(mayLogCall && { l: logCall }),
    r: newCall,
    c: () => callerInput.current?.focus(),
    ...(mayRecordCase && Object.fromEntries(CASE_SHORTCUTS.map((kind, i) => [String(i + 1), () => toCase(kind)]))),
  });

  return (
    <Card
      data-testid="phone-desk"
      title={
        <Space>
          <PhoneOutlined />
          {t('frontDesk.phone.title')}
        </Space>
      }
      extra={
        <Space>
          <CallClock startedAt={startedAt} />
          <Tooltip title={t('frontDesk.phone.newCallHelp')}>
            <Button size="small" icon={<ReloadOutlined />} onClick={newCall} data-testid="desk-new-call">
              <Keyed label={t('frontDesk.phone.newCall')} keys="Alt+R" />
            </Button>
          </Tooltip>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <GreetingCard locale={locale} />
        <div>
          <Typography.Text strong>
            {t('frontDesk.phone.callerLabel')} <kbd>Alt+C</kbd>
          </Typography.Text>
          <CallerBox inputRef={callerInput} text={text} onText={setText} caller={caller} onPick={setCaller} />
        </div>
        <div>
          <Typography.Text strong>{t('frontDesk.phone.askedForLabel')}</Typography.Text>
          <ColleaguePanel staffId={askedForId} onChange={setAskedForId} locale={locale} />
        </div>
        {(mayTakeMessage || mayLogCall) && (
          <Space wrap>
            {mayTakeMessage && (
              <Button type="primary" icon={<MessageOutlined />} onClick={takeMessage} data-testid="desk-take-message">
                <Keyed label={t('frontDesk.phone.takeMessage')} keys="Alt+M" />
              </Button>
            )}
            {mayLogCall && (
              <Button icon={<PhoneOutlined />} onClick={logCall} data-testid="desk-log-call">
                <Keyed label={t('frontDesk.phone.logCall')} keys="Alt+L" />
              </Button>
            )}
          </Space>
        )}
        {mayRecordCase && (
          <div>
            <Typography.Text type="secondary">{t('frontDesk.phone.toCaseHelp')}</Typography.Text>
            <div className="ed-toolbar" style={{ marginTop: 8, marginBottom: 0 }}>
              {CASE_SHORTCUTS.map((kind, i) => (
                <Button key={kind} icon={<FileAddOutlined />} onClick={() => toCase(kind)} data-testid={`desk-case-${kind}`}>
                  <Keyed label={t(`caseKinds.${kind}`)} keys={`Alt+${i + 1}`} />
                </Button>
              ))}
            </div>
          </div>
        )}
        {!caller && !askedForId && !text && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('frontDesk.phone.idle')} style={{ margin: 0 }} />
        )}
      </Space>
      <TakeMessageDialog draft={messageDraft} onClose={() => setMessageDraft(null)} onTaken={newCall} />
      <LogCallDialog draft={callDraft} onClose={() => setCallDraft(null)} onLogged={newCall} />
    </Card>
  );
}
