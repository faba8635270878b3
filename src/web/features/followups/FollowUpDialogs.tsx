import { App, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { useEstateRecord, useStaffList } from '../directory/api';
import { FormPhraseTextArea } from '../phrases/PhraseCheckedTextArea';
import { useFollowUpActions } from './api';
import { SubmitTextArea, unitText } from './FollowUpTags';
import { TIME_FORMAT, useEstateTime } from './time';
import { type FollowUp, type FollowUpMethod, type FollowUpResult, METHODS, RESULTS, SATISFACTION_SCORES } from './types';

const optional = (value: string | undefined | null) => (value?.trim() ? value.trim() : undefined);

interface RecordValues {
  result?: FollowUpResult;
  method: FollowUpMethod;
  occurredAt?: Dayjs;
  performedById?: string;
  residentWords?: string;
  satisfaction?: number;
  problem?: string;
  attempts?: number;
}

function useRequired() {
  const { t } = useTranslation();
  return (field: string) => [{ required: true, whitespace: true, message: t('form.required', { field }) }];
}

/** Who, what and where, above each follow-up form, so the desk knows whom it is calling. */
function Subject({ followUp }: { followUp: FollowUp }) {
  return (
    <Typography.Paragraph type="secondary" data-testid="followup-form-subject">
      {followUp.caseNumber} · {unitText(followUp.unit)}
      {followUp.residentName ? ` · ${followUp.residentName}` : ''}
      {followUp.residentPhone ? (
        <>
          {' · '}
          <a href={`tel:${followUp.residentPhone}`}>{followUp.residentPhone}</a>
        </>
      ) : null}
    </Typography.Paragraph>
  );
}

/**
 * R-FU-4: the visit or call with the resident's own words, a satisfaction score and a result.
 * "Unreachable" asks how many tries were made: it is an outcome after tries, never a skip.
 */
export function RecordFollowUpDialog({ followUp, onClose }: { followUp: FollowUp | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const required = useRequired();
  const time = useEstateTime();
  const actions = useFollowUpActions();
  const me = useStaff();
  const staff = useStaffList({ page: 1, pageSize: 200 });
  const estate = useEstateRecord();
  const policy = estate.data?.policy;
  const needed = policy?.unreachableAfterAttempts;
  const labels = {
    result: t('followUps.fields.result'),
    method: t('followUps.fields.method'),
    occurredAt: t('followUps.fields.performedAt'),
    performedById: t('followUps.fields.performedBy'),
    residentWords: t('followUps.fields.residentWords'),
    satisfaction: t('followUps.fields.satisfaction'),
    problem: t('followUps.fields.problem'),
    attempts: t('followUps.fields.attempts'),
  };

  const submit = async (v: RecordValues) => {
    if (!followUp || !v.result) return;
    const reached = v.result !== 'unreachable';
    await actions.record(followUp.id, {
      result: v.result,
      method: v.method,
      occurredAt: v.occurredAt ? time.fromPicker(v.occurredAt) : undefined,
      performedById: v.performedById && v.performedById !== me.id ? v.performedById : undefined,
      residentWords: optional(v.residentWords),
      satisfaction: reached ? v.satisfaction : undefined,
      problem: v.result === 'problem' ? optional(v.problem) : undefined,
      attempts: reached ? undefined : v.attempts,
    });
    message.success(t('followUps.recorded'));
  };

  return (
    <FormModal<RecordValues>
      open={followUp !== null}
      onClose={onClose}
      title={t('followUps.record.title')}
      testId="followup-form"
      labels={labels}
      width={600}
      // The result is the desk's own choice, never a default: a preset "ok" was recorded when nobody chose (R-FU-4).
      initialValues={{
        method: 'phone',
        occurredAt: time.nowPicker(),
        attempts: (followUp?.attempts.length ?? 0) + 1,
      }}
      onSubmit={submit}
    >
      {followUp && <Subject followUp={followUp} />}
      <Form.Item name="result" label={labels.result} rules={[{ required: true, message: t('form.required', { field: labels.result }) }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={RESULTS.map((r) => ({ value: r, label: t(`followUps.results.${r}`) }))}
          data-testid="followup-result"
        />
      </Form.Item>
      <Form.Item name="method" label={labels.method}>
        <Radio.Group options={METHODS.map((m) => ({ value: m, label: t(`followUps.methods.${m}`) }))} data-testid="followup-method" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a: RecordValues, b: RecordValues) => a.result !== b.result}>
        {({ getFieldValue }) => {
          const result = getFieldValue('result') as FollowUpResult | undefined;
          const reached = result !== 'unreachable';
          return (
            <>
              <Form.Item
                name="residentWords"
                label={labels.residentWords}
                extra={t('followUps.record.wordsHelp')}
                rules={reached ? required(labels.residentWords) : []}
              >
                <FormPhraseTextArea rows={3} maxLength={5000} autoFocus data-testid="followup-words" />
              </Form.Item>
              {reached && (
                <Form.Item
                  name="satisfaction"
                  label={labels.satisfaction}
                  extra={t('followUps.record.satisfactionHelp')}
                  rules={[{ required: true, message: t('form.required', { field: labels.satisfaction }) }]}
                >
                  <Radio.Group
                    optionType="button"
                    options={SATISFACTION_SCORES.map((n) => ({
                      value: n,
                      label: String(n),
                      title: t(`followUps.satisfaction.${n}`),
                    }))}
                    data-testid="followup-satisfaction"
                  />
                </Form.Item>
              )}
              {result === 'problem' && (
                <Form.Item
                  name="problem"
                  label={labels.problem}
                  extra={policy ? t('followUps.record.problemHelp', { hours: policy.rectificationNoticeHours }) : undefined}
                  rules={required(labels.problem)}
                >
                  <SubmitTextArea rows={3} maxLength={5000} data-testid="followup-problem" />
                </Form.Item>
              )}
              {!reached && (
                <Form.Item
                  name="attempts"
                  label={labels.attempts}
                  extra={needed ? t('followUps.record.attemptsHelp', { count: needed, logged: followUp?.attempts.length ?? 0 }) : undefined}
                  rules={[{ required: true, message: t('form.required', { field: labels.attempts }) }]}
                >
                  <InputNumber min={1} max={50} precision={0} style={{ width: 140 }} data-testid="followup-attempts" />
                </Form.Item>
              )}
            </>
          );
        }}
      </Form.Item>
      <Form.Item name="occurredAt" label={labels.occurredAt} extra={t('followUps.record.timeHelp', { zone: time.zoneName })}>
        <DatePicker showTime format={TIME_FORMAT} data-testid="followup-occurred-at" />
      </Form.Item>
      <Form.Item name="performedById" label={labels.performedById} extra={t('followUps.record.performedByHelp')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={me.name}
          options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="followup-performed-by"
        />
      </Form.Item>
    </FormModal>
  );
}

interface AttemptValues {
  method: FollowUpMethod;
  occurredAt?: Dayjs;
  note?: string;
}

/** A try that did not reach the resident: logged, so "unreachable" later rests on real tries (R-FU-4). */
export function AttemptDialog({ followUp, onClose }: { followUp: FollowUp | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const time = useEstateTime();
  const actions = useFollowUpActions();
  const labels = {
    method: t('followUps.fields.method'),
    occurredAt: t('followUps.fields.attemptAt'),
    note: t('followUps.fields.attemptNote'),
  };
  return (
    <FormModal<AttemptValues>
      open={followUp !== null}
      onClose={onClose}
      title={t('followUps.attempt.title')}
      testId="attempt-form"
      labels={labels}
      initialValues={{ method: 'phone', occurredAt: time.nowPicker() }}
      onSubmit={async (v) => {
        if (!followUp) return;
        const saved = await actions.attempt(followUp.id, {
          method: v.method,
          occurredAt: v.occurredAt ? time.fromPicker(v.occurredAt) : undefined,
          note: optional(v.note),
        });
        message.success(t('followUps.attempt.logged', { count: saved.attempts.length }));
      }}
    >
      {followUp && <Subject followUp={followUp} />}
      <Typography.Paragraph type="secondary">{t('followUps.attempt.help')}</Typography.Paragraph>
      <Form.Item name="method" label={labels.method}>
        <Radio.Group options={METHODS.map((m) => ({ value: m, label: t(`followUps.methods.${m}`) }))} data-testid="attempt-method" />
      </Form.Item>
      <Form.Item name="note" label={labels.note}>
        <Input maxLength={1000} autoFocus placeholder={t('followUps.attempt.notePlaceholder')} data-testid="attempt-note" />
      </Form.Item>
      <Form.Item name="occurredAt" label={labels.occurredAt}>
        <DatePicker showTime format={TIME_FORMAT} />
      </Form.Item>
    </FormModal>
  );
}
