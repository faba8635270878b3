import { App, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { unitLabel } from '../directory/UnitLookup';
import { SubmitTextArea } from '../followups/FollowUpTags';
import { useFrontDeskActions } from './api';
import { ColleagueSelect } from './ColleagueSelect';
import { PlanWordsBox, usePlanWords, WordsLine } from './PlanWords';
import type { Visit } from './types';

/** Who the visitor is, above each visit form. */
export function visitorText(visit: Visit, anonymous: string): string {
  return [visit.visitorName ?? anonymous, unitLabel(visit.unit)].filter(Boolean).join(' · ');
}

/** R-WK-1: who receives the waiting visitor (the suggested colleague unless another is picked). */
export function ReceiveDialog({ visit, receiverId, onClose }: { visit: Visit | null; receiverId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useStaff();
  const actions = useFrontDeskActions();
  const labels = { receiverId: t('frontDesk.walkIn.fields.receiver') };
  return (
    <FormModal<{ receiverId: string }>
      open={visit !== null}
      onClose={onClose}
      title={t('frontDesk.walkIn.receiveTitle')}
      testId="receive-form"
      labels={labels}
      submitText={t('frontDesk.walkIn.receive')}
      initialValues={{ receiverId: receiverId ?? me.id }}
      onSubmit={async (v) => {
        if (!visit) return;
        const saved = await actions.receive(visit.id, { receiverId: v.receiverId });
        message.success(t('frontDesk.walkIn.received', { name: saved.receivedBy?.name ?? '' }));
      }}
    >
      {visit && <Typography.Paragraph type="secondary">{visitorText(visit, t('frontDesk.walkIn.anonymous'))}</Typography.Paragraph>}
      <Form.Item
        name="receiverId"
        label={labels.receiverId}
        rules={[{ required: true, message: t('form.required', { field: labels.receiverId }) }]}
      >
        <ColleagueSelect testId="receive-receiver" allowClear={false} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

/** R-WK-1: the outcome and the departure close the visit. */
export function DepartureDialog({ visit, onClose }: { visit: Visit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useFrontDeskActions();
  const words = usePlanWords();
  const labels = { outcome: t('frontDesk.walkIn.fields.outcome') };
  return (
    <FormModal<{ outcome: string }>
      open={visit !== null}
      onClose={onClose}
      title={t('frontDesk.walkIn.departTitle')}
      testId="depart-form"
      labels={labels}
      submitText={t('frontDesk.walkIn.depart')}
      onSubmit={async (v) => {
        if (!visit) return;
        await actions.depart(visit.id, { outcome: v.outcome.trim() });
        message.success(t('frontDesk.walkIn.departed'));
      }}
    >
      {visit && <Typography.Paragraph type="secondary">{visitorText(visit, t('frontDesk.walkIn.anonymous'))}</Typography.Paragraph>}
      {visit && (
        <PlanWordsBox testId="farewell-words">
          <WordsLine
            label={t('deskWords.farewell')}
            words={words('walk_in_farewell', { addressee: { name: visit.visitorName, title: visit.visitorTitle } })}
            testId="words-farewell"
          />
        </PlanWordsBox>
      )}
      <Form.Item
        name="outcome"
        label={labels.outcome}
        extra={t('frontDesk.walkIn.outcomeHelp')}
        rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.outcome }) }]}
      >
        <SubmitTextArea rows={3} maxLength={1000} autoFocus data-testid="depart-outcome" />
      </Form.Item>
    </FormModal>
  );
}
