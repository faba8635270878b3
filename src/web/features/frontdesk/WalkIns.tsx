import {
  BellOutlined,
  CheckOutlined,
  ClockCircleOutlined,
  ContactsOutlined,
  FileAddOutlined,
  LogoutOutlined,
  SwapOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Alert, App, Badge, Button, Card, Col, Empty, Form, Input, type InputRef, Pagination, Row, Space, Tag, Typography } from 'antd';
import { type RefObject, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { useErrorText } from '../../components/errors';
import { applyServerErrors } from '../../components/formErrors';
import { KeyChoice, subjectOptions } from '../cases/KeyChoice';
import { useNow } from '../cases/ObligationBadge';
import { usePresenceBoard } from '../directory/api';
import { type CounterSeat, PRESENCE_COLORS, type PresenceState } from '../directory/types';
import { UnitField } from '../directory/UnitLookup';
import { useUntilText } from '../presence/PresenceCard';
import { useFrontDeskActions, useSuggestion, useVisits } from './api';
import { ColleagueSelect } from './ColleagueSelect';
import { type MessageDraft, TakeMessageDialog } from './DeskDialogs';
import { AddressTag, PlanWordsBox, usePlanWords, WordsLine } from './PlanWords';
import { clockText } from './scripts';
import { useAltShortcuts } from './shortcuts';
import { type ReceiverSuggestion, VISIT_PURPOSES, type Visit, type VisitPurpose } from './types';
import { DepartureDialog, ReceiveDialog, visitorText } from './VisitDialogs';

const LIST_PAGE_SIZE = 10;

interface ArrivalValues {
  visitorName?: string;
  unitId?: string | null;
  purpose: VisitPurpose;
  askedForId?: string | null;
}

/** What the walk-in list can ask of the screen around it. */
interface VisitHandlers {
  receive: (visit: Visit, receiverId: string | null) => void;
  chooseReceiver: (visit: Visit, receiverId: string | null) => void;
  depart: (visit: Visit) => void;
  takeContact: (visit: Visit, staff: { id: string; until: string | null }) => void;
}

function useSeatText() {
  const { t } = useTranslation();
  return (seat: CounterSeat | null | undefined) => (seat ? t('presence.seat', { seat: t(`seats.${seat}`) }) : null);
}

/**
 * R-WK-2, R-WK-3: who should rise, shown large; when the colleague for the purpose is away the
 * desk pages them, hands over to another with the same duty, or takes a contact.
 */
function SuggestionPanel({
  visit,
  suggestion,
  handlers,
  onClose,
}: {
  visit: Visit;
  suggestion: ReceiverSuggestion;
  handlers: VisitHandlers;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const actions = useFrontDeskActions();
  const seatText = useSeatText();
  const untilText = useUntilText();
  const { receiver, routedTo } = suggestion;
  const waiting = visit.status === 'waiting';
  const mayTakeMessage = useCan()('message.take');

  const page = async (staffId: string, name: string) => {
    try {
      await actions.page(visit.id, { staffId });
      message.success(t('frontDesk.walkIn.paged', { name }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const headline = receiver ? (
    <span data-testid="suggested-receiver" data-receiver-id={receiver.id} data-seat={receiver.seat ?? ''}>
      {receiver.seat
        ? t('frontDesk.walkIn.rise', { name: receiver.name, seat: seatText(receiver.seat) })
        : t('frontDesk.walkIn.riseNoSeat', { name: receiver.name })}
    </span>
  ) : (
    <span data-testid="suggested-receiver" data-receiver-id="">
      {suggestion.reason === 'asked_for_away' ? t('frontDesk.walkIn.askedForAway') : t('frontDesk.walkIn.allBusy')}
    </span>
  );

  return (
    <Alert
      type={receiver ? 'success' : 'warning'}
      showIcon
      closable={onClose ? { onClose } : false}
      data-testid="visit-suggestion"
      data-reason={suggestion.reason}
      data-visit-id={visit.id}
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {headline}
        </Typography.Title>
      }
      description={
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="suggestion-reason">
            {t(`frontDesk.walkIn.reasons.${suggestion.reason}`, { count: suggestion.waiting })} (R-WK-2)
          </Typography.Text>
          {routedTo && (
            <Space wrap size={6} data-testid="suggestion-routed" data-available={routedTo.available}>
              <Typography.Text>{t('frontDesk.walkIn.routedTo', { name: routedTo.name })}</Typography.Text>
              <Tag color={PRESENCE_COLORS[routedTo.state]}>{t(`presence.states.${routedTo.state}`)}</Tag>
              {routedTo.until && (
                <Typography.Text type="secondary">{t('presence.backAt', { time: untilText(routedTo.until) })}</Typography.Text>
              )}
              <Typography.Text type="secondary">(R-WK-3)</Typography.Text>
            </Space>
          )}
          {waiting && (
            <Space wrap>
              {receiver && (
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  onClick={() => handlers.receive(visit, receiver.id)}
                  data-testid="suggestion-receive"
                >
                  {t('frontDesk.walkIn.receiveBy', { name: receiver.name })}
                </Button>
              )}
              {routedTo && suggestion.options.includes('page') && (
                <Button icon={<BellOutlined />} onClick={() => void page(routedTo.id, routedTo.name)} data-testid="suggestion-page">
                  {t('frontDesk.walkIn.page', { name: routedTo.name })}
                </Button>
              )}
              {suggestion.options.includes('hand_over') &&
                suggestion.sameDuty.map((s) => (
                  <Button
                    key={s.id}
                    icon={<SwapOutlined />}
                    onClick={() => handlers.receive(visit, s.id)}
                    data-testid="suggestion-hand-over"
                  >
                    {t('frontDesk.walkIn.handOver', { name: s.name })}
                  </Button>
                ))}
              {routedTo && suggestion.options.includes('take_contact') && mayTakeMessage && (
                <Button
                  icon={<ContactsOutlined />}
                  onClick={() => handlers.takeContact(visit, { id: routedTo.id, until: routedTo.until })}
                  data-testid="suggestion-take-contact"
                >
                  {t('frontDesk.walkIn.takeContact')}
                </Button>
              )}
            </Space>
          )}
        </Space>
      }
    />
  );
}

/**
 * R-WD-2: the colleague the visitor needs when they are not at their desk: the person asked
 * for, else the one whose duties cover the purpose; where they are now, from the board.
 */
function useAwayColleague(visit: Visit): { name: string; state: PresenceState } | null {
  const board = usePresenceBoard();
  const stateOf = (id: string) => board.data?.items.find((row) => row.staff.id === id)?.presence.state;
  const suggestion = visit.suggestion;
  if (suggestion?.reason === 'asked_for_away' && visit.askedFor) {
    const state = stateOf(visit.askedFor.id) ?? 'out';
    return state === 'in_office' ? null : { name: visit.askedFor.name, state };
  }
  const routed = suggestion?.routedTo;
  if (!routed || routed.available) return null;
  const state = stateOf(routed.id) ?? routed.state;
  return state === 'in_office' ? null : { name: routed.name, state };
}

/** One visitor of the queue or at the counter, with its timer and what the desk can do. */
function VisitItem({ visit, now, handlers }: { visit: Visit; now: number; handlers: VisitHandlers }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const time = useEstateTime();
  const actions = useFrontDeskActions();
  const seatText = useSeatText();
  const waiting = visit.status === 'waiting';
  const waitedMs = (waiting ? now : Date.parse(visit.receivedAt ?? visit.arrivedAt)) - Date.parse(visit.arrivedAt);
  // R-WK-4: counted here every second; the server marks it too, so a slow clock never hides it.
  const apologise = waiting && (now >= Date.parse(visit.waitLimitAt) || visit.apologyDue);
  const suggested = visit.suggestion?.receiver ?? null;
  const can = useCan();
  const mayRecord = can('visit.record');
  const words = usePlanWords();
  const addressee = { name: visit.visitorName, title: visit.visitorTitle };
  const away = useAwayColleague(visit);

  const acknowledge = async () => {
    try {
      await actions.acknowledge(visit.id);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  /** The visit becomes a case at the counter, with its purpose and unit filled in. */
  const toCase = () => {
    const params = new URLSearchParams({ channel: 'counter' });
    if (visit.purpose !== 'other') params.set('kind', visit.purpose);
    if (visit.unit) params.set('unitId', visit.unit.id);
    if (visit.residentId) params.set('residentId', visit.residentId);
    if (visit.visitorName) params.set('residentName', visit.visitorName);
    void navigate(`/cases/new?${params.toString()}`);
  };

  return (
    <div
      className={`ed-visit${apologise ? ' ed-visit-late' : ''}`}
      data-testid={waiting ? 'waiting-visit' : 'serving-visit'}
      data-visit-id={visit.id}
      data-apology={apologise}
    >
      <Space wrap size={8} style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size={6}>
          <Typography.Text strong data-testid="visit-visitor">
            {visitorText(visit, t('frontDesk.walkIn.anonymous'))}
          </Typography.Text>
          <AddressTag addressee={addressee} />
          <Tag>{t(`frontDesk.walkIn.purposes.${visit.purpose}`)}</Tag>
          {visit.askedFor && <Tag color="blue">{t('frontDesk.walkIn.askedFor', { name: visit.askedFor.name })}</Tag>}
          {!waiting && visit.receivedBy && <Tag color="green">{t('frontDesk.walkIn.servedBy', { name: visit.receivedBy.name })}</Tag>}
        </Space>
        <Tag
          icon={<ClockCircleOutlined />}
          color={apologise ? 'error' : waiting ? 'processing' : 'default'}
          data-testid="visit-timer"
          data-waited-seconds={Math.floor(waitedMs / 1000)}
        >
          {waiting
            ? t('frontDesk.walkIn.waiting', { time: clockText(waitedMs) })
            : t('frontDesk.walkIn.waited', { time: clockText(waitedMs) })}
        </Tag>
      </Space>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {t('frontDesk.walkIn.arrivedAt', { time: time.format(visit.arrivedAt, 'HH:mm:ss') })}
        {visit.acknowledgedAt && waiting
          ? ` · ${t('frontDesk.walkIn.acknowledgedAt', { time: time.format(visit.acknowledgedAt, 'HH:mm') })}`
          : ''}
        {waiting && suggested
          ? ` · ${t('frontDesk.walkIn.suggestedShort', { name: suggested.name, seat: seatText(suggested.seat) ?? '' })}`
          : ''}
        {waiting && visit.suggestion?.reason === 'all_busy' ? ` · ${t('frontDesk.walkIn.queued')}` : ''}
      </Typography.Text>
      {waiting && (
        <PlanWordsBox testId="visit-words">
          <WordsLine label={t('deskWords.greeting')} words={words('walk_in_greeting', { addressee })} testId="words-greeting" />
          {away && (
            <WordsLine
              label={away.state === 'other_office' ? t('deskWords.otherOffice') : t('deskWords.away')}
              words={words(away.state === 'other_office' ? 'other_office' : 'walk_in_away', { addressee, name: away.name })}
              testId="words-away"
            />
          )}
        </PlanWordsBox>
      )}
      {apologise && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 6 }}
          data-testid="visit-apology"
          title={t('frontDesk.walkIn.apology')}
          description={t('frontDesk.walkIn.apologyHelp', { name: visitorText(visit, t('frontDesk.walkIn.anonymous')) })}
        />
      )}
      {mayRecord && (
        <Space wrap size={6} style={{ marginTop: 6 }}>
          {waiting ? (
            <>
              {!visit.acknowledgedAt && (
                <Button size="small" onClick={() => void acknowledge()} data-testid="visit-acknowledge">
                  {t('frontDesk.walkIn.acknowledge')}
                </Button>
              )}
              {suggested && (
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckOutlined />}
                  onClick={() => handlers.receive(visit, suggested.id)}
                  data-testid="visit-receive-suggested"
                >
                  {t('frontDesk.walkIn.receiveBy', { name: suggested.name })}
                </Button>
              )}
              <Button
                size="small"
                icon={<TeamOutlined />}
                onClick={() => handlers.chooseReceiver(visit, suggested?.id ?? null)}
                data-testid="visit-receive"
              >
                {t('frontDesk.walkIn.receiveOther')}
              </Button>
              {visit.suggestion?.routedTo && !visit.suggestion.routedTo.available && can('message.take') && (
                <Button
                  size="small"
                  icon={<ContactsOutlined />}
                  onClick={() => {
                    const routed = visit.suggestion?.routedTo;
                    if (routed) handlers.takeContact(visit, { id: routed.id, until: routed.until });
                  }}
                  data-testid="visit-take-contact"
                >
                  {t('frontDesk.walkIn.takeContact')}
                </Button>
              )}
              <Button size="small" icon={<LogoutOutlined />} onClick={() => handlers.depart(visit)} data-testid="visit-left">
                {t('frontDesk.walkIn.left')}
              </Button>
            </>
          ) : (
            <>
              {can('case.create') && (
                <Button size="small" icon={<FileAddOutlined />} onClick={toCase} data-testid="visit-to-case">
                  {t('frontDesk.walkIn.toCase')}
                </Button>
              )}
              <Button
                size="small"
                type="primary"
                icon={<LogoutOutlined />}
                onClick={() => handlers.depart(visit)}
                data-testid="visit-depart"
              >
                {t('frontDesk.walkIn.depart')}
              </Button>
            </>
          )}
        </Space>
      )}
    </div>
  );
}

/** The first visitor in the queue and who is free for them now, as seats free up. */
function NextFree({ visit, handlers }: { visit: Visit; handlers: VisitHandlers }) {
  const { t } = useTranslation();
  const seatText = useSeatText();
  const now = useSuggestion({ purpose: visit.purpose, askedForId: visit.askedFor?.id });
  const mayRecord = useCan()('visit.record');
  const receiver = now.data?.receiver;
  if (!receiver || !mayRecord) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="next-free"
      title={t('frontDesk.walkIn.nextFree', {
        visitor: visitorText(visit, t('frontDesk.walkIn.anonymous')),
        name: receiver.name,
        seat: seatText(receiver.seat) ?? '',
      })}
      action={
        <Button size="small" type="primary" onClick={() => handlers.receive(visit, receiver.id)} data-testid="next-free-receive">
          {t('frontDesk.walkIn.receiveBy', { name: receiver.name })}
        </Button>
      }
    />
  );
}

function VisitList({
  status,
  title,
  empty,
  handlers,
}: {
  status: 'waiting' | 'serving';
  title: string;
  empty: string;
  handlers: VisitHandlers;
}) {
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const { data, error } = useVisits({ status, page, pageSize: LIST_PAGE_SIZE });
  const now = useNow(1000);
  const items = data?.items ?? [];
  const first = items[0];
  return (
    <div data-testid={`${status}-list`}>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        <Space>
          {title}
          <Badge
            count={data?.total ?? 0}
            showZero
            color={status === 'waiting' && data?.total ? '#fa8c16' : '#bfbfbf'}
            data-testid={`${status}-count`}
          />
        </Space>
      </Typography.Title>
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      {status === 'waiting' && page === 1 && first && !first.suggestion?.receiver && <NextFree visit={first} handlers={handlers} />}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: 8 }} />
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          {items.map((v) => (
            <VisitItem key={v.id} visit={v} now={now} handlers={handlers} />
          ))}
        </Space>
      )}
      {data && data.total > LIST_PAGE_SIZE && (
        <Pagination
          size="small"
          style={{ marginTop: 8, justifyContent: 'flex-end' }}
          current={page}
          pageSize={LIST_PAGE_SIZE}
          total={data.total}
          onChange={setPage}
        />
      )}
    </div>
  );
}

/** "A visitor has arrived" in one action: name and unit if given, the purpose, a named person if asked for. */
function ArrivalForm({ nameRef, onArrived }: { nameRef: RefObject<InputRef | null>; onArrived: (visit: Visit) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const actions = useFrontDeskActions();
  const [form] = Form.useForm<ArrivalValues>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const labels = {
    visitorName: t('frontDesk.walkIn.fields.visitorName'),
    unitId: t('frontDesk.walkIn.fields.unit'),
    purpose: t('frontDesk.walkIn.fields.purpose'),
    askedForId: t('frontDesk.walkIn.fields.askedFor'),
  };

  const save = async (v: ArrivalValues) => {
    setSaving(true);
    setAlert(null);
    try {
      const visit = await actions.arrive({
        visitorName: v.visitorName?.trim() ? v.visitorName.trim() : undefined,
        unitId: v.unitId ?? undefined,
        purpose: v.purpose,
        askedForId: v.askedForId ?? undefined,
      });
      form.resetFields();
      onArrived(visit);
    } catch (error) {
      const { placed, unplaced } = applyServerErrors(form, error, { labels });
      setAlert(placed > 0 ? [t('form.fixFields'), ...unplaced].join(' ') : errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Enter from any field of the form
    <div
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          form.submit();
        }
      }}
      data-testid="arrival-form"
    >
      <Form<ArrivalValues> form={form} layout="vertical" requiredMark="optional" initialValues={{ purpose: 'inquiry' }} onFinish={save}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="visitorName" label={labels.visitorName}>
              <Input ref={nameRef} maxLength={100} data-testid="arrival-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unitId" label={labels.unitId}>
              <UnitField
                testId="arrival-unit"
                onPick={(pick) => {
                  // A resident picked by name or phone is the visitor, unless the desk has typed a name already.
                  if (pick?.resident && !form.getFieldValue('visitorName')?.trim()) form.setFieldValue('visitorName', pick.resident.name);
                }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="purpose"
          label={labels.purpose}
          rules={[{ required: true, message: t('form.required', { field: labels.purpose }) }]}
        >
          <KeyChoice<VisitPurpose>
            testId="arrival-purpose"
            ariaLabel={labels.purpose}
            options={subjectOptions(VISIT_PURPOSES, (p) => t(`frontDesk.walkIn.purposes.${p}`))}
          />
        </Form.Item>
        <Form.Item name="askedForId" label={labels.askedForId} extra={t('frontDesk.walkIn.askedForHelp')}>
          <ColleagueSelect testId="arrival-asked-for" placeholder={t('frontDesk.walkIn.askedForPlaceholder')} />
        </Form.Item>
        {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} data-testid="arrival-error" />}
        <Space>
          <Button type="primary" htmlType="submit" icon={<UserAddOutlined />} loading={saving} data-testid="arrival-submit">
            {t('frontDesk.walkIn.arrived')}
          </Button>
          <Typography.Text type="secondary">
            <kbd>Enter</kbd> / <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </Typography.Text>
        </Space>
      </Form>
    </div>
  );
}

/**
 * Walk-in reception (R-WK-1..4): the arrival in one action and who should rise, the queue
 * with a timer per visitor and the apology prompt past the wait limit, and who is being served.
 */
export function WalkIns() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const actions = useFrontDeskActions();
  const nameRef = useRef<InputRef>(null);
  const [latest, setLatest] = useState<{ visit: Visit; at: number } | null>(null);
  const [choosing, setChoosing] = useState<{ visit: Visit; receiverId: string | null } | null>(null);
  const [departing, setDeparting] = useState<Visit | null>(null);
  const [contact, setContact] = useState<MessageDraft | null>(null);
  const waiting = useVisits({ status: 'waiting', page: 1, pageSize: LIST_PAGE_SIZE });
  // The latest arrival's suggestion stays up until that visitor is no longer in the queue.
  const gone = latest !== null && waiting.dataUpdatedAt > latest.at && !(waiting.data?.items ?? []).some((v) => v.id === latest.visit.id);
  const latestWaiting = latest && !gone ? latest.visit : null;
  const mayRecord = useCan()('visit.record');

  useAltShortcuts(mayRecord ? { v: () => nameRef.current?.focus() } : {});

  const handlers: VisitHandlers = {
    receive: (visit, receiverId) => {
      actions
        .receive(visit.id, receiverId ? { receiverId } : {})
        .then((saved) => message.success(t('frontDesk.walkIn.received', { name: saved.receivedBy?.name ?? '' })))
        .catch((error: unknown) => message.error(errorText(error)));
    },
    chooseReceiver: (visit, receiverId) => setChoosing({ visit, receiverId }),
    depart: setDeparting,
    takeContact: (visit, staff) =>
      setContact({
        forStaffId: staff.id,
        callerName: visit.visitorName,
        callerTitle: visit.visitorTitle,
        unit: visit.unit,
        reason: 'absent',
        expectedBackAt: staff.until,
      }),
  };

  return (
    <Card
      data-testid="walk-ins"
      title={
        <Space>
          <UserAddOutlined />
          {t('frontDesk.walkIn.title')}
          {mayRecord && <kbd>Alt+V</kbd>}
        </Space>
      }
    >
      {mayRecord && <ArrivalForm nameRef={nameRef} onArrived={(visit) => setLatest({ visit, at: Date.now() })} />}
      {latestWaiting?.suggestion && (
        <div style={{ marginTop: 12 }}>
          <SuggestionPanel
            visit={latestWaiting}
            suggestion={latestWaiting.suggestion}
            handlers={handlers}
            onClose={() => setLatest(null)}
          />
        </div>
      )}
      <VisitList status="waiting" title={t('frontDesk.walkIn.queue')} empty={t('frontDesk.walkIn.queueEmpty')} handlers={handlers} />
      <VisitList status="serving" title={t('frontDesk.walkIn.serving')} empty={t('frontDesk.walkIn.servingEmpty')} handlers={handlers} />
      <ReceiveDialog visit={choosing?.visit ?? null} receiverId={choosing?.receiverId ?? null} onClose={() => setChoosing(null)} />
      <DepartureDialog visit={departing} onClose={() => setDeparting(null)} />
      <TakeMessageDialog draft={contact} onClose={() => setContact(null)} />
    </Card>
  );
}
