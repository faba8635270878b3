import { BellOutlined, CloseOutlined, PhoneOutlined, SoundOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useEstate } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { useNow } from '../cases/ObligationBadge';
import { useEstateRecord, useUnitLookup } from '../directory/api';
import type { LookupPick } from '../directory/UnitLookup';
import { pickKey } from '../directory/UnitLookup';
import { useGreeting } from '../frontdesk/api';
import { CallerDetail } from '../frontdesk/CallerDetail';
import { type CallDraft, LogCallDialog } from '../frontdesk/DeskDialogs';
import { useDeskCall } from '../frontdesk/deskCall';
import { clockText } from '../frontdesk/scripts';
import { usePbxCall, useRinging } from './api';
import { callDraftOf, lookupText, STATE_COLORS } from './calls';
import type { PbxCall } from './types';

/** The resident or unit the phone number belongs to, by the same lookup the desk's caller box uses. */
export function useCallerByNumber(number: string | null | undefined): { pick: LookupPick | null; searching: boolean } {
  const q = lookupText(number);
  const lookup = useUnitLookup(q);
  const fresh = q.length > 0 && lookup.isSuccess && !lookup.isPlaceholderData;
  const match = fresh ? (lookup.data?.items.find((m) => m.matchedBy === 'phone' && m.resident) ?? null) : null;
  const pick = useMemo(
    () => (match ? { key: pickKey(match.unit?.id, match.resident?.id), unit: match.unit, resident: match.resident } : null),
    [match],
  );
  return { pick, searching: q.length > 0 && !fresh };
}

/** How long it has rung (or rang, once answered), against the estate's three rings (R-PH-5). */
function RingClock({ call, limitSeconds }: { call: PbxCall; limitSeconds: number }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const seconds =
    call.ringSeconds ?? (call.state === 'ringing' ? Math.max(0, Math.floor((now - Date.parse(call.ringingAt)) / 1000)) : null);
  if (seconds === null) return null;
  const late = seconds > limitSeconds;
  return (
    <Tag color={late ? 'error' : 'success'} data-testid="pbx-ringing-seconds">
      {t('pbx.ringing.rang', { seconds: Math.round(seconds), limit: limitSeconds })}
    </Tag>
  );
}

/**
 * R-PH-5 screen pop: when the office's phone system says a call rings at the receptionist's
 * extension, the desk shows who is calling (the resident, unit, household and open cases found
 * by the number) and the greeting to say, before anything is pressed. "Answer and log" opens
 * the call log with the caller and the PBX's ringing time; the card follows the call as it is
 * answered and ends, and the log entry takes the PBX's duration.
 */
export function RingingCard() {
  const { t, i18n } = useTranslation();
  const estate = useEstate();
  const time = useEstateTime();
  const can = useCan();
  const policy = useEstateRecord().data?.policy;
  const limitSeconds = policy?.answerWithinSeconds ?? 10;
  const ringing = useRinging();
  const { call: deskCall, update } = useDeskCall(estate.id);
  const [trackedId, setTrackedId] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [logged, setLogged] = useState<ReadonlySet<string>>(new Set());
  const [logging, setLogging] = useState(false);
  const last = useRef<PbxCall | null>(null);

  // The newest call ringing now is the one shown, unless the desk is logging the one before.
  const newest = (ringing.data ?? []).filter((c) => c.state === 'ringing' && !dismissed.has(c.id))[0] ?? null;
  useEffect(() => {
    if (newest && !logging) setTrackedId(newest.id);
  }, [newest, logging]);

  const listed = (ringing.data ?? []).find((c) => c.id === trackedId) ?? null;
  // Once it stops ringing it leaves the ringing list: followed by its id, refreshed by the live stream.
  const followed = usePbxCall(trackedId !== null && !listed ? trackedId : null);
  const call = listed ?? (followed.data?.id === trackedId ? followed.data : null) ?? (last.current?.id === trackedId ? last.current : null);
  if (call) last.current = call;
  const { pick, searching } = useCallerByNumber(call?.from);
  const greeting = useGreeting(i18n.language);
  const others = (ringing.data ?? []).filter((c) => c.state === 'ringing' && c.id !== trackedId && !dismissed.has(c.id)).length;

  if (!call || dismissed.has(call.id)) return null;
  const draft: CallDraft | null = logging ? callDraftOf(call, pick) : null;
  const isLogged = logged.has(call.id) || call.callLogId !== null;

  const answerAndLog = () => {
    // The desk's line takes the caller too, so a message or a case during the call carries them.
    if (!deskCall) update({ caller: pick, number: pick ? null : call.from });
    setLogging(true);
  };
  const dismiss = () => {
    setDismissed(new Set([...dismissed, call.id]));
    setTrackedId(null);
  };

  return (
    <>
      <Alert
        type={call.state === 'missed' ? 'error' : call.state === 'ringing' ? 'warning' : 'info'}
        className="ed-pbx-ringing"
        data-testid="pbx-ringing"
        data-state={call.state}
        data-pbx-call-id={call.id}
        data-logged={isLogged ? 'yes' : 'no'}
        icon={<BellOutlined />}
        showIcon
        title={
          <Space wrap size={8}>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t(`pbx.ringing.title.${call.state}`)}
            </Typography.Text>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="pbx-ringing-number">
              <PhoneOutlined /> {call.from}
            </Typography.Text>
            {call.callerName && <Typography.Text data-testid="pbx-ringing-caller-name">{call.callerName}</Typography.Text>}
            <Tag color={STATE_COLORS[call.state]} data-testid="pbx-ringing-state">
              {t(`pbx.states.${call.state}`)}
            </Tag>
            <RingClock call={call} limitSeconds={limitSeconds} />
            {others > 0 && <Tag color="orange">{t('pbx.ringing.others', { count: others })}</Tag>}
          </Space>
        }
        description={
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('pbx.ringing.at', { time: time.format(call.ringingAt, 'HH:mm:ss'), extension: call.extension })}
              {call.answeredAt && ` · ${t('pbx.ringing.answeredAt', { time: time.format(call.answeredAt, 'HH:mm:ss') })}`}
              {call.durationSeconds !== null && ` · ${t('pbx.ringing.duration', { duration: clockText(call.durationSeconds * 1000) })}`}
            </Typography.Text>
            {call.state === 'ringing' && (
              <div className="ed-greeting">
                <Space size={8} align="start">
                  <SoundOutlined style={{ fontSize: 18, marginTop: 4 }} />
                  <Typography.Text strong data-testid="pbx-ringing-greeting">
                    {greeting.data?.text ?? <Spin size="small" />}
                  </Typography.Text>
                </Space>
              </div>
            )}
            {pick ? (
              <CallerDetail caller={pick} testId="pbx-ringing-caller" />
            ) : searching ? (
              <Spin size="small" />
            ) : (
              <Typography.Text type="secondary" data-testid="pbx-ringing-unknown">
                {t('pbx.ringing.unknownCaller')}
              </Typography.Text>
            )}
            {call.state === 'missed' && <Typography.Text type="danger">{t('pbx.ringing.missedHelp')}</Typography.Text>}
            <Space wrap>
              {isLogged ? (
                <Tag color="success" data-testid="pbx-ringing-logged">
                  {t('pbx.ringing.logged')}
                </Tag>
              ) : (
                can('call.log') &&
                call.state !== 'missed' && (
                  <Button type="primary" icon={<PhoneOutlined />} onClick={answerAndLog} data-testid="pbx-answer-log">
                    {t('pbx.ringing.answerAndLog')}
                  </Button>
                )
              )}
              {call.state !== 'ringing' && (
                <Button icon={<CloseOutlined />} onClick={dismiss} data-testid="pbx-ringing-dismiss">
                  {t('pbx.ringing.dismiss')}
                </Button>
              )}
            </Space>
          </Space>
        }
      />
      <LogCallDialog
        draft={draft}
        onClose={() => setLogging(false)}
        onLogged={() => {
          setLogged(new Set([...logged, call.id]));
          setLogging(false);
        }}
      />
    </>
  );
}
