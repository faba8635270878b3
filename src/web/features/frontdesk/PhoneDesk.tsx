import { FileAddOutlined, MessageOutlined, PhoneOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Spin, Switch, Tag, Tooltip, Typography } from 'antd';
import { type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan, useEstate } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { ruleTitle } from '../../i18n';
import { useNow } from '../cases/ObligationBadge';
import { PRESENCE_COLORS } from '../directory/types';
import { type LookupPick, UnitLookup } from '../directory/UnitLookup';
import { useUntilText } from '../presence/PresenceCard';
import { RingingCard } from '../telephony/RingingCard';
import { useDeskScripts, useGreeting } from './api';
import { CallerDetail } from './CallerDetail';
import { ColleagueSelect, usePresenceOf } from './ColleagueSelect';
import { type CallDraft, LogCallDialog, type MessageDraft, TakeMessageDialog } from './DeskDialogs';
import { type DeskCall, useDeskCall } from './deskCall';
import { AskIdentityWords, ColleagueWords, InternalGreeting } from './PhoneWords';
import { type Addressee, useResidentAddressee } from './PlanWords';
import { clockText, reasonOf, scriptText, situationOf } from './scripts';
import { useAltShortcuts } from './shortcuts';
import { CASE_SHORTCUTS, type CaseShortcut } from './types';

const PHONE = /^\+?[0-9 ()-]{3,20}$/;

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

/** How long the call has lasted, from when the desk answered it; no call, no clock. */
function CallClock({ startedAt }: { startedAt: number | null }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  if (startedAt === null)
    return (
      <Tag icon={<PhoneOutlined />} data-testid="call-timer" data-state="idle">
        {t('frontDesk.phone.noCall')}
      </Tag>
    );
  return (
    <Tag icon={<PhoneOutlined />} color="processing" data-testid="call-timer" data-state="on">
      {t('frontDesk.phone.callTime', { time: clockText(Math.max(0, now - startedAt)) })}
    </Tag>
  );
}

/**
 * Who is calling: the one unit and caller lookup of every screen. Typing answers the call if
 * the desk has not yet; a number nobody is found for stays as the caller's number.
 */
function CallerBox({
  selectRef,
  call,
  onPick,
  onText,
}: {
  selectRef: RefObject<{ focus: () => void } | null>;
  call: DeskCall | null;
  onPick: (caller: LookupPick | null) => void;
  onText: (text: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <UnitLookup
        selectRef={selectRef}
        autoFocus
        size="large"
        testId="caller-search"
        optionTestId="caller-result"
        placeholder={t('frontDesk.phone.callerPlaceholder')}
        notFoundText={t('frontDesk.phone.callerNotFound')}
        value={call?.caller ?? null}
        onChange={onPick}
        onSearchText={onText}
      />
      {call?.caller ? (
        <CallerDetail caller={call.caller} />
      ) : call?.number ? (
        <Typography.Text data-testid="caller-number">
          <PhoneOutlined /> {call.number}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** R-PH-2: where the colleague asked for is, and the plan's words for it (reworded by the estate). */
function ColleaguePanel({
  staffId,
  onChange,
  locale,
  addressee,
}: {
  staffId: string | null;
  onChange: (id: string | null) => void;
  locale: string;
  addressee: Addressee;
}) {
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
      {row && <ColleagueWords colleague={row} addressee={addressee} onAskFor={onChange} />}
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
 * The phone desk: the greeting to say, the call from answer to hang-up, who is calling, whom
 * they ask for, and one key to take a message, log the call or turn it into a case
 * (R-PH-1..4). The caller stays on the desk until the call ends, so each of these carries the
 * caller's unit, resident and phone, however many are done during one call.
 */
export function PhoneDesk() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = i18n.language;
  const callerInput = useRef<{ focus: () => void } | null>(null);
  const { call, answer, update, hangUp } = useDeskCall(useEstate().id);
  const caller = call?.caller ?? null;
  const askedForId = call?.askedForId ?? null;
  const [messageDraft, setMessageDraft] = useState<MessageDraft | null>(null);
  const [callDraft, setCallDraft] = useState<CallDraft | null>(null);
  const askedFor = usePresenceOf(askedForId);
  const can = useCan();
  const mayTakeMessage = can('message.take');
  const mayLogCall = can('call.log');
  const mayRecordCase = can('case.create');
  const callerPhone = caller?.resident?.phone ?? call?.number ?? null;
  const callerName = caller?.resident?.name ?? null;
  // R-WD-2: the caller by surname and title once the lookup has found them.
  const addressee = useResidentAddressee(caller?.resident?.id, callerName);
  const internal = Boolean(call?.internal);
  // The actions of a call answer it if the desk has not yet: its time starts at the first of them.
  const startedAt = () => call?.startedAt ?? Date.now();

  const pickUp = () => {
    answer();
    callerInput.current?.focus();
  };

  const endCall = () => {
    hangUp();
    callerInput.current?.focus();
  };

  const takeMessage = () =>
    setMessageDraft({
      forStaffId: askedForId,
      callerName,
      callerPhone,
      unit: caller?.unit ?? null,
      callerTitle: addressee.title ?? null,
      reason: askedFor ? reasonOf(askedFor.presence.state) : 'promise',
      expectedBackAt: askedFor?.presence.until ?? null,
      call: { startedAt: startedAt(), residentId: caller?.resident?.id ?? null },
    });

  const logCall = () =>
    setCallDraft({
      startedAt: startedAt(),
      callerName,
      callerPhone,
      unit: caller?.unit ?? null,
      residentId: caller?.resident?.id ?? null,
      askedForId,
    });

  /** The new-case screen, filled in with the kind, the phone and the caller; the call is logged when the case is saved. */
  const toCase = (kind: CaseShortcut) => {
    const at = startedAt();
    if (!call) answer();
    const params = new URLSearchParams({ kind, channel: 'phone', callStartedAt: new Date(at).toISOString() });
    if (caller?.unit) params.set('unitId', caller.unit.id);
    if (caller?.resident) params.set('residentId', caller.resident.id);
    if (callerName) params.set('residentName', callerName);
    if (callerPhone) params.set('residentPhone', callerPhone);
    if (askedForId) params.set('askedForId', askedForId);
    void navigate(`/cases/new?${params.toString()}`);
  };

  // Only the keys of what the person may do: a key for a hidden button would do nothing but fail.
  useAltShortcuts({
    ...(mayTakeMessage && { m: takeMessage }),
    ...(mayLogCall && { l: logCall }),
    a: pickUp,
    h: endCall,
    i: () => update({ internal: !internal }),
    c: () => callerInput.current?.focus(),
    ...(mayRecordCase && Object.fromEntries(CASE_SHORTCUTS.map((kind, i) => [String(i + 1), () => toCase(kind)]))),
  });

  return (
    <Card
      data-testid="phone-desk"
      data-call={call ? 'on' : 'idle'}
      title={
        <Space>
          <PhoneOutlined />
          {t('frontDesk.phone.title')}
        </Space>
      }
      extra={
        <Space>
          <Tooltip title={t('frontDesk.phone.internalHelp')}>
            <Space size={4}>
              <Switch size="small" checked={internal} onChange={(on) => update({ internal: on })} data-testid="desk-internal" />
              <Keyed label={t('frontDesk.phone.internal')} keys="Alt+I" />
            </Space>
          </Tooltip>
          <CallClock startedAt={call?.startedAt ?? null} />
          {call ? (
            <Tooltip title={t('frontDesk.phone.hangUpHelp')}>
              <Button size="small" danger icon={<PhoneOutlined rotate={135} />} onClick={endCall} data-testid="desk-hang-up">
                <Keyed label={t('frontDesk.phone.hangUp')} keys="Alt+H" />
              </Button>
            </Tooltip>
          ) : (
            <Tooltip title={t('frontDesk.phone.answerHelp')}>
              <Button size="small" type="primary" icon={<PhoneOutlined />} onClick={pickUp} data-testid="desk-answer">
                <Keyed label={t('frontDesk.phone.answer')} keys="Alt+A" />
              </Button>
            </Tooltip>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {/* R-PH-5: the caller the phone system says is ringing, before anything is pressed. */}
        {can('pbx.read') && <RingingCard />}
        {internal ? <InternalGreeting /> : <GreetingCard locale={locale} />}
        <div>
          <Typography.Text strong>
            {t('frontDesk.phone.callerLabel')} <kbd>Alt+C</kbd>
          </Typography.Text>
          <CallerBox
            selectRef={callerInput}
            call={call}
            onPick={(pick) => update({ caller: pick, number: null })}
            onText={(text) => {
              const typed = text.trim();
              if (typed) update(PHONE.test(typed) ? { number: typed } : {});
            }}
          />
          {call && !internal && !caller?.resident && <AskIdentityWords />}
        </div>
        <div>
          <Typography.Text strong>{t('frontDesk.phone.askedForLabel')}</Typography.Text>
          <ColleaguePanel staffId={askedForId} onChange={(id) => update({ askedForId: id })} locale={locale} addressee={addressee} />
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
        {!call && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('frontDesk.phone.idle')} style={{ margin: 0 }} />}
      </Space>
      {/* The call goes on after a message or a log entry: the caller stays until the desk hangs up. */}
      <TakeMessageDialog draft={messageDraft} onClose={() => setMessageDraft(null)} onTaken={() => setMessageDraft(null)} />
      <LogCallDialog draft={callDraft} onClose={() => setCallDraft(null)} onLogged={() => setCallDraft(null)} />
    </Card>
  );
}
