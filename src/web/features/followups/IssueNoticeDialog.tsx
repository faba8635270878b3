import { App, DatePicker, Form, Select, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../app/api';
import { FormModal } from '../../components/FormModal';
import { useStaffList } from '../directory/api';
import { FormPhraseTextArea } from '../phrases/PhraseCheckedTextArea';
import { useFollowUpActions, useFollowUps, useNextNoticeNumber } from './api';
import { unitText } from './FollowUpTags';
import { TIME_FORMAT, useEstateTime } from './time';
import type { FollowUp, RectificationNotice } from './types';

/** Where the problem was found: a follow-up, or a spot-check item (R-RC-1). */
export type NoticeSource =
  | { kind: 'followUp'; followUp: FollowUp }
  | { kind: 'spotCheckItem'; itemId: string; followUp: FollowUp; note: string | null }
  | { kind: 'pick' };

interface IssueValues {
  followUpId?: string;
  problem?: string;
  requiredAction: string;
  deadlineAt?: Dayjs;
  recipientId?: string;
  occurredAt?: Dayjs;
}

/** A picker of follow-ups that found a problem, for a notice issued from the notice list. */
function ProblemFollowUpSelect(props: { value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation();
  const problems = useFollowUps({ queue: 'done', result: 'problem', page: 1, pageSize: 100 });
  return (
    <Select
      {...props}
      showSearch={{ optionFilterProp: 'label' }}
      loading={problems.isPending}
      placeholder={t('rectification.issue.pickFollowUp')}
      notFoundContent={t('rectification.issue.noProblems')}
      options={(problems.data?.items ?? []).map((f) => ({
        value: f.id,
        label: `${f.caseNumber} · ${unitText(f.unit)} · ${f.problem ?? ''}`,
      }))}
      data-testid="notice-followup"
    />
  );
}

/**
 * R-RC-2: the number the notice will take, named before it is taken: the year's next number
 * as the server reads it now, or "the next number" while it is being read.
 */
function NoticeNumberConfirmation({ at }: { at: string | undefined }) {
  const { t } = useTranslation();
  const time = useEstateTime();
  const next = useNextNoticeNumber(at);
  const year = next.data?.year ?? time.format(at ?? new Date().toISOString(), 'YYYY');
  const code = next.data?.code ?? t('rectification.confirm.nextNumber');
  if (next.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  return (
    <>
      <Typography.Paragraph data-testid="notice-confirm-text">{t('rectification.confirm.body', { code, year })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('rectification.confirm.raceHelp')}</Typography.Paragraph>
    </>
  );
}

/** The next notice number alone, for the confirmation's title and button. */
function NextNoticeCode({ at, text }: { at: string | undefined; text: 'rectification.confirm.title' | 'rectification.confirm.ok' }) {
  const { t } = useTranslation();
  const next = useNextNoticeNumber(at);
  return <>{t(text, { code: next.data?.code ?? t('rectification.confirm.nextNumber') })}</>;
}

/**
 * R-RC-1: the written rectification notice to the maintenance staff responsible, with the
 * problem found, what must be done and by when. The recipient defaults to the repair's staff.
 */
export function IssueNoticeDialog({
  source,
  onClose,
  onIssued,
}: {
  source: NoticeSource | null;
  onClose: () => void;
  onIssued: (notice: RectificationNotice) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const time = useEstateTime();
  const actions = useFollowUpActions();
  const maintenance = useStaffList({ page: 1, pageSize: 200, role: 'maintenance' });
  const labels = {
    problem: t('rectification.fields.problem'),
    requiredAction: t('rectification.fields.requiredAction'),
    deadlineAt: t('rectification.fields.deadlineAt'),
    recipientId: t('rectification.fields.recipient'),
    occurredAt: t('rectification.fields.issuedAt'),
  };
  // One key per opening of the form (kept while it is open, whatever the parent re-renders):
  // however often it is submitted or retried, at most one notice is issued.
  const idempotencyKey = useRef<string | null>(null);
  if (source === null) idempotencyKey.current = null;
  else idempotencyKey.current ??= newIdempotencyKey();
  const followUp = source && source.kind !== 'pick' ? source.followUp : null;
  // The problem as found: the follow-up's, or what the spot check noted.
  const problem = source?.kind === 'spotCheckItem' ? (source.note ?? followUp?.problem) : followUp?.problem;
  const defaultDeadline = time.nowPicker().add(3, 'day').hour(18).minute(0).second(0);

  return (
    <FormModal<IssueValues>
      open={source !== null}
      onClose={onClose}
      title={t('rectification.issue.title')}
      testId="notice-form"
      // Only the fields on the form: a refusal naming another lands in the form's message.
      labels={source?.kind === 'pick' ? { ...labels, followUpId: t('rectification.fields.followUp') } : labels}
      width={640}
      submitText={t('rectification.issue.submit')}
      initialValues={{ problem: problem ?? undefined, deadlineAt: defaultDeadline, occurredAt: time.nowPicker() }}
      // A notice's number is never given back (R-RC-2): Enter does not issue it, and the desk
      // sees the number it will take before it is taken.
      numbered={(v) => {
        const at = v.occurredAt ? time.fromPicker(v.occurredAt) : undefined;
        return {
          title: <NextNoticeCode at={at} text="rectification.confirm.title" />,
          content: <NoticeNumberConfirmation at={at} />,
          okText: <NextNoticeCode at={at} text="rectification.confirm.ok" />,
        };
      }}
      onSubmit={async (v) => {
        if (!source) return;
        const notice = await actions.issueNotice(
          {
            followUpId: source.kind === 'followUp' ? source.followUp.id : source.kind === 'pick' ? v.followUpId : undefined,
            spotCheckItemId: source.kind === 'spotCheckItem' ? source.itemId : undefined,
            problem: v.problem?.trim() ? v.problem.trim() : undefined,
            requiredAction: v.requiredAction.trim(),
            deadlineAt: time.fromPicker(v.deadlineAt ?? defaultDeadline),
            recipientId: v.recipientId,
            occurredAt: v.occurredAt ? time.fromPicker(v.occurredAt) : undefined,
          },
          idempotencyKey.current ?? newIdempotencyKey(),
        );
        message.success(t('rectification.issue.issued', { code: notice.code }));
        onIssued(notice);
      }}
    >
      {followUp && (
        <Typography.Paragraph type="secondary" data-testid="notice-form-subject">
          {followUp.caseNumber} · {unitText(followUp.unit)} · {t(`repairClasses.${followUp.repairClass}`)}
        </Typography.Paragraph>
      )}
      {source?.kind === 'pick' && (
        <Form.Item
          name="followUpId"
          label={t('rectification.fields.followUp')}
          rules={[{ required: true, message: t('form.required', { field: t('rectification.fields.followUp') }) }]}
        >
          <ProblemFollowUpSelect />
        </Form.Item>
      )}
      <Form.Item name="problem" label={labels.problem} extra={t('rectification.issue.problemHelp')}>
        <FormPhraseTextArea rows={3} maxLength={5000} data-testid="notice-problem" />
      </Form.Item>
      <Form.Item
        name="requiredAction"
        label={labels.requiredAction}
        rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.requiredAction }) }]}
      >
        <FormPhraseTextArea rows={3} maxLength={5000} autoFocus data-testid="notice-action" />
      </Form.Item>
      <Form.Item
        name="deadlineAt"
        label={labels.deadlineAt}
        rules={[{ required: true, message: t('form.required', { field: labels.deadlineAt }) }]}
      >
        <DatePicker showTime format={TIME_FORMAT} data-testid="notice-deadline" />
      </Form.Item>
      <Form.Item name="recipientId" label={labels.recipientId} extra={t('rectification.issue.recipientHelp')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('rectification.issue.recipientDefault')}
          options={(maintenance.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="notice-recipient"
        />
      </Form.Item>
      <Form.Item name="occurredAt" label={labels.occurredAt}>
        <DatePicker showTime format={TIME_FORMAT} data-testid="notice-issued-at" />
      </Form.Item>
    </FormModal>
  );
}
