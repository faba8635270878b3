import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  LockOutlined,
  RedoOutlined,
  SendOutlined,
  SmileOutlined,
  ToolOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EstateAbilityName } from '../../../contract/abilities';
import { ApiError } from '../../app/api';
import { useCan } from '../../app/session';
import { useEstateTime } from '../../app/time';
import { FormModal } from '../../components/FormModal';
import { translateOr } from '../../i18n';
import { useAllDepartments, useStaffList } from '../directory/api';
import { PlanWordsBox, usePlanWords, useResidentAddressee, WordsLine } from '../frontdesk/PlanWords';
import { FormPhraseTextArea } from '../phrases/PhraseCheckedTextArea';
import { type CaseAction, type CaseActionBodies, useAssigneeSuggestions, useCaseAction } from './api';
import { TIME_FORMAT } from './ObligationBadge';
import { type CaseDetail, SATISFACTIONS, type Satisfaction } from './types';

type Dialog =
  | 'assign'
  | 'forward'
  | 'escalate'
  | 'satisfaction'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'repairStart'
  | 'repairWork'
  | 'repairComplete';

const optional = (value: string | undefined | null) => (value?.trim() ? value.trim() : undefined);

/** The ability (`cases/policy.ts`) each action needs; the server's route for it names the same. */
const NEEDS: Record<Dialog, EstateAbilityName> = {
  assign: 'case.assign',
  forward: 'case.forward',
  escalate: 'case.escalate',
  satisfaction: 'case.satisfaction',
  resolve: 'case.resolve',
  close: 'case.close',
  reopen: 'case.reopen',
  repairStart: 'repair.work',
  repairWork: 'repair.work',
  repairComplete: 'repair.work',
};

/**
 * What can be done to a case in its state, each behind a button that opens a short form; only
 * the actions the person's role holds are shown (a department does not close a complaint it
 * handled, R-CP-3). Nothing at all when none is left.
 */
export function CaseActions({ detail, title }: { detail: CaseDetail; title: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const closed = detail.status === 'closed';
  const repair = detail.kind === 'repair';
  const repairRunning = repair && detail.repairStartedAt !== null && detail.repairCompletedAt === null;

  const buttons: [Dialog, ReactNode, boolean, boolean?][] = [
    ['assign', <UserSwitchOutlined key="i" />, !closed],
    ['forward', <SendOutlined key="i" />, !closed],
    ['escalate', <ExclamationCircleOutlined key="i" />, !closed, true],
    ['repairStart', <ToolOutlined key="i" />, repair && !closed && detail.repairStartedAt === null],
    ['repairWork', <ToolOutlined key="i" />, repairRunning && !closed],
    ['repairComplete', <CheckCircleOutlined key="i" />, repairRunning && !closed],
    ['satisfaction', <SmileOutlined key="i" />, !closed && detail.kind === 'complaint'],
    ['resolve', <CheckCircleOutlined key="i" />, !closed && detail.status !== 'resolved'],
    ['close', <LockOutlined key="i" />, !closed],
    ['reopen', <RedoOutlined key="i" />, closed || detail.status === 'resolved'],
  ];
  const shown = buttons.filter(([key, , show]) => show && can(NEEDS[key]));
  if (shown.length === 0) return null;

  const props = { detail, onClose: () => setDialog(null) };
  return (
    <Card size="small" title={title}>
      <Space wrap data-testid="case-actions">
        {shown.map(([key, icon, , danger]) => (
          <Button key={key} icon={icon} danger={danger} onClick={() => setDialog(key)} data-testid={`action-${key}`}>
            {t(`cases.actions.${key}`)}
          </Button>
        ))}
      </Space>
      <AssignDialog open={dialog === 'assign'} {...props} />
      <ForwardDialog open={dialog === 'forward'} {...props} />
      <ReasonDialog open={dialog === 'escalate'} action="escalate" {...props} />
      <ReasonDialog open={dialog === 'reopen'} action="reopen" {...props} />
      <SatisfactionDialog open={dialog === 'satisfaction'} {...props} />
      <ResolveDialog open={dialog === 'resolve'} {...props} />
      <CloseDialog open={dialog === 'close'} {...props} />
      <RepairStartDialog open={dialog === 'repairStart'} {...props} />
      <RepairWorkDialog open={dialog === 'repairWork'} action="repair/work" {...props} />
      <RepairWorkDialog open={dialog === 'repairComplete'} action="repair/complete" {...props} />
    </Card>
  );
}

interface DialogProps {
  open: boolean;
  detail: CaseDetail;
  onClose: () => void;
}

/**
 * Runs the action and tells the desk it is done; FormModal shows a server refusal on the form.
 * A refusal that names a field this form does not have (R-CP-3 names the satisfaction) is
 * shown once, as the form's message, not a second time as an unplaced field error.
 */
function useSubmit(caseId: string, labels: Record<string, string>) {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const act = useCaseAction(caseId);
  return async <A extends CaseAction>(action: A, body: CaseActionBodies[A]) => {
    try {
      await act(action, body);
    } catch (error) {
      const field = error instanceof ApiError ? error.details.field : undefined;
      if (error instanceof ApiError && typeof field === 'string' && !(field in labels)) {
        const { field: _unknown, ...details } = error.details;
        throw new ApiError(error.status, error.code, error.message, details);
      }
      throw error;
    }
    message.success(t('cases.actions.done'));
  };
}

function useRequired() {
  const { t } = useTranslation();
  return (field: string) => [{ required: true, whitespace: true, message: t('form.required', { field }) }];
}

function AssignDialog({ open, detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const suggestions = useAssigneeSuggestions(detail.id, open);
  const departments = useAllDepartments();
  const staff = useStaffList({ page: 1, pageSize: 200 });
  const suggestedDepartments = new Set(suggestions.data?.departments.map((d) => d.id));
  const suggestedStaff = suggestions.data?.staff ?? [];
  const suggestedStaffIds = new Set(suggestedStaff.map((s) => s.id));
  const labels = { departmentId: t('cases.fields.department'), assigneeId: t('cases.fields.assignee'), note: t('cases.fields.note') };
  const submit = useSubmit(detail.id, labels);

  const departmentOptions = [
    {
      label: t('cases.assign.suggested'),
      options: (suggestions.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
    },
    {
      label: t('cases.assign.others'),
      options: (departments.data?.items ?? []).filter((d) => !suggestedDepartments.has(d.id)).map((d) => ({ value: d.id, label: d.name })),
    },
  ].filter((g) => g.options.length > 0);

  const staffOptions = [
    {
      label: t('cases.assign.suggested'),
      options: suggestedStaff.map((s) => ({
        value: s.id,
        label: t('cases.assign.staffLabel', {
          name: s.name,
          presence: translateOr(`presence.states.${s.presence}`, s.presence),
          count: s.openCases,
        }),
      })),
    },
    {
      label: t('cases.assign.others'),
      options: (staff.data?.items ?? [])
        .filter((s) => !suggestedStaffIds.has(s.id) && !s.disabled)
        .map((s) => ({ value: s.id, label: s.name })),
    },
  ].filter((g) => g.options.length > 0);

  return (
    <FormModal<{ departmentId?: string; assigneeId?: string; note?: string }>
      open={open}
      onClose={onClose}
      title={t('cases.actions.assign')}
      testId="assign-form"
      labels={labels}
      initialValues={{ departmentId: detail.department?.id, assigneeId: detail.assignee?.id }}
      onSubmit={(v) => submit('assign', { departmentId: v.departmentId ?? null, assigneeId: v.assigneeId ?? null, note: optional(v.note) })}
    >
      <Form.Item name="departmentId" label={labels.departmentId}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={departmentOptions} data-testid="assign-department" />
      </Form.Item>
      <Form.Item name="assigneeId" label={labels.assigneeId} extra={t('cases.assign.help')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={staffOptions}
          loading={suggestions.isFetching}
          data-testid="assign-assignee"
        />
      </Form.Item>
      <Form.Item name="note" label={labels.note}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function ForwardDialog({ open, detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const required = useRequired();
  const departments = useAllDepartments();
  const labels = { departmentId: t('cases.fields.department'), reason: t('cases.fields.reason') };
  const submit = useSubmit(detail.id, labels);
  return (
    <FormModal<{ departmentId: string; reason: string }>
      open={open}
      onClose={onClose}
      title={t('cases.actions.forward')}
      testId="forward-form"
      labels={labels}
      onSubmit={(v) => submit('forward', { departmentId: v.departmentId, reason: v.reason.trim() })}
    >
      <Typography.Paragraph type="secondary">{t('cases.forward.help')}</Typography.Paragraph>
      <Form.Item
        name="departmentId"
        label={labels.departmentId}
        rules={[{ required: true, message: t('form.required', { field: labels.departmentId }) }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(departments.data?.items ?? [])
            .filter((d) => d.id !== detail.department?.id)
            .map((d) => ({ value: d.id, label: d.name }))}
          data-testid="forward-department"
        />
      </Form.Item>
      <Form.Item name="reason" label={labels.reason} rules={required(labels.reason)}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="forward-reason" />
      </Form.Item>
      <ForwardWords detail={detail} departments={departments.data?.items ?? []} />
    </FormModal>
  );
}

/** R-WD-2 (§6.1): what to tell the resident when their case goes to another department, named as it is chosen. */
function ForwardWords({ detail, departments }: { detail: CaseDetail; departments: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const form = Form.useFormInstance();
  const departmentId = Form.useWatch('departmentId', form) as string | undefined;
  const addressee = useResidentAddressee(detail.residentId, detail.residentName);
  const department = departments.find((d) => d.id === departmentId)?.name ?? t('deskWords.theDepartment');
  return (
    <PlanWordsBox testId="forward-words">
      <WordsLine
        label={t('deskWords.complaintForward')}
        words={words('complaint_forward', { addressee, department })}
        testId="words-complaint-forward"
      />
    </PlanWordsBox>
  );
}

/** R-WD-2 (§6.3): what to tell the resident when the matter is not the desk's to decide. */
function EscalateWords({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const addressee = useResidentAddressee(detail.residentId, detail.residentName);
  return (
    <PlanWordsBox testId="escalate-words">
      <WordsLine
        label={t('deskWords.complaintEscalate')}
        words={words('complaint_escalate', { addressee })}
        testId="words-complaint-escalate"
      />
    </PlanWordsBox>
  );
}

/** Escalate (R-CP-2: a policy matter goes to the manager) and reopen both take only a reason. */
function ReasonDialog({ open, detail, onClose, action }: DialogProps & { action: 'escalate' | 'reopen' }) {
  const { t } = useTranslation();
  const required = useRequired();
  const labels = { reason: t('cases.fields.reason') };
  const submit = useSubmit(detail.id, labels);
  return (
    <FormModal<{ reason: string }>
      open={open}
      onClose={onClose}
      title={t(`cases.actions.${action}`)}
      testId={`${action}-form`}
      labels={labels}
      onSubmit={(v) => submit(action, { reason: v.reason.trim() })}
    >
      <Typography.Paragraph type="secondary">{t(`cases.${action}.help`)}</Typography.Paragraph>
      {action === 'escalate' && <EscalateWords detail={detail} />}
      <Form.Item name="reason" label={labels.reason} rules={required(labels.reason)}>
        <Input.TextArea rows={3} maxLength={1000} autoFocus data-testid={`${action}-reason`} />
      </Form.Item>
    </FormModal>
  );
}

function SatisfactionDialog({ open, detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const labels = { satisfaction: t('cases.fields.satisfaction'), result: t('cases.fields.result'), note: t('cases.fields.residentWords') };
  const submit = useSubmit(detail.id, labels);
  return (
    <FormModal<{ satisfaction: Satisfaction; result?: string; note?: string }>
      open={open}
      onClose={onClose}
      title={t('cases.actions.satisfaction')}
      testId="satisfaction-form"
      labels={labels}
      initialValues={{ result: detail.result ?? undefined }}
      onSubmit={(v) =>
        submit('satisfaction', {
          satisfaction: v.satisfaction,
          result: detail.result ? undefined : optional(v.result),
          note: optional(v.note),
        })
      }
    >
      <Typography.Paragraph type="secondary">{t('cases.satisfaction.help')}</Typography.Paragraph>
      <Form.Item
        name="satisfaction"
        label={labels.satisfaction}
        rules={[{ required: true, message: t('form.required', { field: labels.satisfaction }) }]}
      >
        <Radio.Group
          optionType="button"
          options={SATISFACTIONS.map((s) => ({ value: s, label: t(`cases.satisfactions.${s}`) }))}
          data-testid="satisfaction-value"
        />
      </Form.Item>
      <Form.Item name="result" label={labels.result}>
        {detail.result ? <Input.TextArea rows={3} disabled /> : <FormPhraseTextArea rows={3} maxLength={5000} />}
      </Form.Item>
      <Form.Item name="note" label={labels.note}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function ResolveDialog({ open, detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const required = useRequired();
  const labels = { result: t('cases.fields.result') };
  const submit = useSubmit(detail.id, labels);
  return (
    <FormModal<{ result: string }>
      open={open}
      onClose={onClose}
      title={t('cases.actions.resolve')}
      testId="resolve-form"
      labels={labels}
      initialValues={{ result: detail.result ?? undefined }}
      onSubmit={(v) => submit('resolve', { result: v.result.trim() })}
    >
      <Form.Item name="result" label={labels.result} rules={required(labels.result)}>
        <FormPhraseTextArea rows={4} maxLength={5000} autoFocus data-testid="resolve-result" />
      </Form.Item>
    </FormModal>
  );
}

function CloseDialog({ open, detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  // Only a manager closes a complaint the resident was not satisfied with, giving the reason (R-CP-3).
  const mayCloseUnsatisfied = useCan()('case.close.unsatisfied');
  const complaint = detail.kind === 'complaint';
  const needsReason = complaint && mayCloseUnsatisfied && detail.satisfaction !== 'satisfied';
  const labels = { result: t('cases.fields.result'), reason: t('cases.fields.closeReason') };
  const submit = useSubmit(detail.id, labels);
  return (
    <FormModal<{ result?: string; reason?: string }>
      open={open}
      onClose={onClose}
      title={t('cases.actions.close')}
      testId="close-form"
      labels={labels}
      initialValues={{ result: detail.result ?? undefined }}
      onSubmit={(v) => submit('close', { result: detail.result ? undefined : optional(v.result), reason: optional(v.reason) })}
    >
      {complaint && <Typography.Paragraph type="secondary">{t('cases.close.complaintHelp')}</Typography.Paragraph>}
      {/* R-CP-3: a complaint closes only with its handling result: required here, not "optional". */}
      <Form.Item
        name="result"
        label={labels.result}
        rules={
          complaint && !detail.result ? [{ required: true, whitespace: true, message: t('form.required', { field: labels.result }) }] : []
        }
      >
        {detail.result ? (
          <Input.TextArea rows={3} disabled data-testid="close-result" />
        ) : (
          <FormPhraseTextArea rows={3} maxLength={5000} data-testid="close-result" />
        )}
      </Form.Item>
      {mayCloseUnsatisfied && (
        <Form.Item
          name="reason"
          label={labels.reason}
          extra={needsReason ? t('cases.close.reasonHelp') : undefined}
          rules={needsReason ? [{ required: true, whitespace: true, message: t('form.required', { field: labels.reason }) }] : []}
        >
          <Input.TextArea rows={2} maxLength={1000} data-testid="close-reason" />
        </Form.Item>
      )}
    </FormModal>
  );
}

function RepairStartDialog({ open, detail, onClose }: DialogProps) {
  const { t } = useTranslation();
  const time = useEstateTime();
  // Handing the repair to someone is assigning it; a maintenance worker starting it takes it on themselves.
  const mayChoose = useCan()('case.assign');
  const staff = useStaffList({ page: 1, pageSize: 200, role: 'maintenance' });
  const labels = { maintenanceStaffId: t('cases.fields.maintenanceStaff'), startedAt: t('cases.fields.startedAt') };
  const submit = useSubmit(detail.id, labels);
  return (
    <FormModal<{ maintenanceStaffId?: string; startedAt?: Dayjs }>
      open={open}
      onClose={onClose}
      title={t('cases.actions.repairStart')}
      testId="repair-start-form"
      labels={labels}
      initialValues={{ maintenanceStaffId: detail.maintenanceStaff?.id, startedAt: time.nowPicker() }}
      onSubmit={(v) =>
        submit('repair/start', {
          maintenanceStaffId: mayChoose ? v.maintenanceStaffId : undefined,
          startedAt: v.startedAt && time.fromPicker(v.startedAt),
        })
      }
    >
      {mayChoose && (
        <Form.Item name="maintenanceStaffId" label={labels.maintenanceStaffId}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            data-testid="repair-staff"
          />
        </Form.Item>
      )}
      <Form.Item name="startedAt" label={labels.startedAt}>
        <DatePicker showTime format={TIME_FORMAT} />
      </Form.Item>
    </FormModal>
  );
}

function RepairWorkDialog({ open, detail, onClose, action }: DialogProps & { action: 'repair/work' | 'repair/complete' }) {
  const { t } = useTranslation();
  const required = useRequired();
  const complete = action === 'repair/complete';
  const time = useEstateTime();
  const labels = {
    workDone: t('cases.fields.workDone'),
    materials: t('cases.fields.materials'),
    completedAt: t('cases.fields.completedAt'),
  };
  const submit = useSubmit(detail.id, labels);
  return (
    <FormModal<{ workDone?: string; materials?: string; completedAt?: Dayjs }>
      open={open}
      onClose={onClose}
      title={complete ? t('cases.actions.repairComplete') : t('cases.actions.repairWork')}
      testId={complete ? 'repair-complete-form' : 'repair-work-form'}
      labels={labels}
      initialValues={complete ? { completedAt: time.nowPicker() } : {}}
      onSubmit={(v) =>
        complete
          ? submit('repair/complete', {
              workDone: optional(v.workDone),
              materials: optional(v.materials),
              completedAt: v.completedAt && time.fromPicker(v.completedAt),
            })
          : submit('repair/work', { workDone: v.workDone?.trim() ?? '', materials: optional(v.materials) })
      }
    >
      {complete && <Typography.Paragraph type="secondary">{t('cases.repair.completeHelp')}</Typography.Paragraph>}
      <Form.Item name="workDone" label={labels.workDone} rules={complete ? [] : required(labels.workDone)}>
        <Input.TextArea rows={3} maxLength={5000} autoFocus />
      </Form.Item>
      <Form.Item name="materials" label={labels.materials}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {complete && (
        <Form.Item name="completedAt" label={labels.completedAt}>
          <DatePicker showTime format={TIME_FORMAT} />
        </Form.Item>
      )}
    </FormModal>
  );
}
