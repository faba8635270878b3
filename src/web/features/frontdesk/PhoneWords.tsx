import { SoundOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { officeTitle } from '../../../contract/scripts';
import { useLanguage } from '../../app/locale';
import { useEstate, useStaff } from '../../app/session';
import { usePresenceBoard } from '../directory/api';
import type { PresenceRow } from '../directory/types';
import { usePresenceOf } from './ColleagueSelect';
import { type Addressee, PlanWordsBox, usePlanWords, WordsLine } from './PlanWords';

/**
 * R-WD-2 (phone rules §5.6): a colleague calling on the internal line is answered with one's
 * department and name, not the office's greeting.
 */
export function InternalGreeting() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const words = usePlanWords();
  const me = useStaff();
  const estate = useEstate();
  const myRow = usePresenceOf(me.id);
  const text = words('internal_greeting', {
    name: me.name,
    department: myRow?.staff.departmentName ?? officeTitle(estate.officeName, language),
  });
  return (
    <div className="ed-greeting" data-testid="desk-internal-greeting-card">
      <Space size={8} align="start">
        <SoundOutlined style={{ fontSize: 20, marginTop: 4 }} />
        <div>
          <Tooltip title={t('deskWords.source')}>
            <Typography.Text type="secondary">{t('deskWords.internalTitle')}</Typography.Text>
          </Tooltip>
          <Typography.Paragraph className="ed-greeting-text" data-testid="desk-internal-greeting" style={{ marginBottom: 0 }}>
            {text}
          </Typography.Paragraph>
        </div>
      </Space>
    </div>
  );
}

/**
 * Phone answering requirement 4 and §5.5: while nobody is found for the caller, the desk asks who is calling,
 * saying first why it asks (to reach them and follow it up).
 */
export function AskIdentityWords() {
  const { t } = useTranslation();
  const words = usePlanWords();
  return (
    <PlanWordsBox title={t('deskWords.phoneTitle')} testId="ask-identity-words">
      <WordsLine label={t('deskWords.askIdentity')} words={words('ask_identity')} testId="words-ask-identity" />
    </PlanWordsBox>
  );
}

/**
 * Colleagues in the office with the same duty (R-WK-3, as the walk-ins' suggestion offers): the
 * same department first, else a department covering one of the same case kinds. Not the desk
 * itself, which is on this call.
 */
function sameDutyIn(rows: readonly PresenceRow[], colleague: PresenceRow, deskId: string): PresenceRow[] {
  const free = rows.filter((r) => r.staff.id !== colleague.staff.id && r.staff.id !== deskId && r.presence.state === 'in_office');
  const department = colleague.staff.departmentId;
  const sameDepartment = department ? free.filter((r) => r.staff.departmentId === department) : [];
  if (sameDepartment.length) return sameDepartment;
  return free.filter((r) => r.staff.caseKinds.some((kind) => colleague.staff.caseKinds.includes(kind)));
}

/**
 * The plan's words about the colleague asked for: §5.4 refers the caller to them with their
 * own number or extension; §5.2 offers another colleague with the same duty while they are
 * on another call, with that colleague's number when the office has it.
 */
export function ColleagueWords({
  colleague,
  addressee,
  onAskFor,
}: {
  colleague: PresenceRow;
  addressee: Addressee;
  onAskFor: (staffId: string) => void;
}) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const board = usePresenceBoard();
  const deskId = useStaff().id;
  const onCall = colleague.presence.state === 'on_call';
  const other = onCall ? (sameDutyIn(board.data?.items ?? [], colleague, deskId)[0] ?? null) : null;
  // A colleague with duties and a number of their own can be given to the caller (§5.4).
  const referable = colleague.staff.caseKinds.length > 0 && colleague.staff.phone;
  if (!onCall && !referable) return null;
  return (
    <PlanWordsBox title={t('deskWords.phoneTitle')} testId="colleague-words">
      {onCall && (
        <WordsLine
          label={t('deskWords.onCallOther')}
          words={words('on_call_other', { addressee, name: colleague.staff.name })}
          testId="words-on-call-other"
        />
      )}
      {onCall &&
        (other ? (
          <Space wrap size={6} data-testid="same-duty" data-staff-id={other.staff.id}>
            <Tag color="green">{t('deskWords.sameDuty', { name: other.staff.name })}</Tag>
            {other.staff.phone && <Typography.Text data-testid="same-duty-phone">{other.staff.phone}</Typography.Text>}
            <Button size="small" onClick={() => onAskFor(other.staff.id)} data-testid="same-duty-ask">
              {t('deskWords.askForOther', { name: other.staff.name })}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary" data-testid="same-duty-none">
            {t('deskWords.noSameDuty')}
          </Typography.Text>
        ))}
      {other?.staff.phone && (
        <WordsLine
          label={t('deskWords.refer')}
          words={words('refer_colleague', { addressee, name: other.staff.name, phone: other.staff.phone })}
          testId="words-refer-other"
        />
      )}
      {referable && !onCall && (
        <WordsLine
          label={t('deskWords.refer')}
          words={words('refer_colleague', { addressee, name: colleague.staff.name, phone: colleague.staff.phone ?? '' })}
          testId="words-refer"
        />
      )}
    </PlanWordsBox>
  );
}
