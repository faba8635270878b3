import { Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useEstate } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { LANGUAGES, type Language } from '../../i18n';
import { useAllDepartments } from '../directory/api';
import {
  COUNTER_SEATS,
  type CounterSeat,
  type CreateStaffInput,
  ROLES,
  type Role,
  type Staff,
  type UpdateStaffInput,
} from '../directory/types';

interface StaffValues {
  username: string;
  name: string;
  surname: string;
  role: Role;
  departmentId: string | null;
  counterSeat: CounterSeat | null;
  email?: string;
  phone?: string;
  locale: Language;
  password: string;
  disabled: boolean;
}

const orNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

/** The staff member's membership of the selected estate (department and counter seat). */
export function membershipIn(staff: Staff, estateId: string) {
  return staff.estates.find((m) => m.estateId === estateId) ?? null;
}

/** Creates a staff member in the selected estate (staff === null) or edits one. */
export function StaffForm({
  open,
  staff,
  onClose,
  onSaved,
}: {
  open: boolean;
  staff: Staff | null;
  onClose: () => void;
  onSaved: (staff: Staff) => void;
}) {
  const { t } = useTranslation();
  const estate = useEstate();
  const departments = useAllDepartments();
  const membership = staff ? membershipIn(staff, estate.id) : null;
  const membershipIndex = staff
    ? Math.max(
        0,
        staff.estates.findIndex((m) => m.estateId === estate.id),
      )
    : 0;

  const labels = {
    username: t('staff.username'),
    name: t('staff.name'),
    surname: t('staff.surname'),
    role: t('staff.role'),
    departmentId: t('staff.department'),
    counterSeat: t('staff.counterSeat'),
    email: t('staff.email'),
    phone: t('staff.phone'),
    locale: t('staff.locale'),
    password: t('staff.password'),
    disabled: t('staff.disabled'),
  };
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });

  return (
    <FormModal<StaffValues>
      open={open}
      onClose={onClose}
      width={640}
      title={staff ? t('staff.editTitle', { name: staff.name }) : t('staff.createTitle')}
      testId="staff-form"
      labels={labels}
      aliases={{
        [`estates.${membershipIndex}.departmentId`]: 'departmentId',
        [`estates.${membershipIndex}.counterSeat`]: 'counterSeat',
      }}
      initialValues={
        staff
          ? {
              username: staff.username,
              name: staff.name,
              surname: staff.surname,
              role: staff.role,
              departmentId: membership?.departmentId ?? null,
              counterSeat: membership?.counterSeat ?? null,
              email: staff.email ?? undefined,
              phone: staff.phone ?? undefined,
              locale: staff.locale,
              disabled: staff.disabled,
            }
          : { role: 'receptionist', locale: 'zh-Hant', departmentId: null, counterSeat: null, disabled: false }
      }
      onSubmit={async (values) => {
        const here = {
          estateId: estate.id,
          departmentId: values.departmentId ?? null,
          counterSeat: values.counterSeat ?? null,
        };
        const common = {
          name: values.name.trim(),
          surname: values.surname.trim(),
          role: values.role,
          email: orNull(values.email),
          phone: orNull(values.phone),
          locale: values.locale,
        };
        let saved: Staff;
        if (staff) {
          // Memberships of other estates stay as they are; only this estate's one changes.
          const estates = staff.estates.some((m) => m.estateId === estate.id)
            ? staff.estates.map((m) => (m.estateId === estate.id ? here : m))
            : [...staff.estates, here];
          const body: UpdateStaffInput = { ...common, disabled: values.disabled, estates };
          saved = await api.patch<Staff>(`/staff/${staff.id}`, body);
        } else {
          const body: CreateStaffInput = {
            ...common,
            username: values.username.trim().toLowerCase(),
            password: values.password,
            estates: [here],
          };
          saved = await api.post<Staff>('/staff', body);
        }
        onSaved(saved);
      }}
    >
      <Form.Item
        name="username"
        label={labels.username}
        extra={staff ? undefined : t('staff.usernameHelp')}
        rules={staff ? [] : [required(labels.username)]}
      >
        <Input
          disabled={staff !== null}
          autoFocus={!staff}
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          data-testid="staff-form-username"
        />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: '0 12px' }}>
        <Form.Item name="name" label={labels.name} rules={[required(labels.name)]}>
          <Input maxLength={100} autoFocus={staff !== null} data-testid="staff-form-name" />
        </Form.Item>
        <Form.Item name="surname" label={labels.surname} extra={t('staff.surnameHelp')} rules={[required(labels.surname)]}>
          <Input maxLength={20} data-testid="staff-form-surname" />
        </Form.Item>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: '0 12px' }}>
        <Form.Item name="role" label={labels.role} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="staff-form-role" />
        </Form.Item>
        <Form.Item name="departmentId" label={labels.departmentId}>
          <Select
            allowClear
            loading={departments.isPending}
            placeholder={t('staff.noDepartment')}
            options={departments.data?.items.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="counterSeat" label={labels.counterSeat}>
          <Select allowClear placeholder={t('staff.noSeat')} options={COUNTER_SEATS.map((s) => ({ value: s, label: t(`seats.${s}`) }))} />
        </Form.Item>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0 12px' }}>
        <Form.Item name="phone" label={labels.phone}>
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="email" label={labels.email} rules={[{ type: 'email', message: t('form.invalidEmail') }]}>
          <Input type="email" maxLength={200} />
        </Form.Item>
      </div>
      <Form.Item name="locale" label={labels.locale}>
        <Select options={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))} />
      </Form.Item>
      {staff ? (
        <Form.Item name="disabled" label={labels.disabled} valuePropName="checked" extra={t('staff.disabledHelp')}>
          <Switch />
        </Form.Item>
      ) : (
        <Form.Item
          name="password"
          label={labels.password}
          extra={t('account.passwordRule')}
          rules={[required(labels.password), { min: 10, message: t('account.passwordTooShort') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="staff-form-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}
