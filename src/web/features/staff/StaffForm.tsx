import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCanIn, useEstate, useIsCompanyAdmin, useSession } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import { LANGUAGES, type Language } from '../../i18n';
import { useDepartmentsOf } from '../directory/api';
import {
  COUNTER_SEATS,
  type CounterSeat,
  type CreateStaffInput,
  ESTATE_ROLES,
  type EstateRole,
  ROLE_COLORS,
  ROLES,
  type Role,
  type Staff,
  type UpdateStaffInput,
} from '../directory/types';

/** One estate the person works for, and their role, department and counter seat there. */
interface MembershipValues {
  estateId: string;
  role: EstateRole;
  departmentId: string | null;
  counterSeat: CounterSeat | null;
}

interface StaffValues {
  username: string;
  name: string;
  surname: string;
  role: Role;
  email?: string;
  phone?: string;
  locale: Language;
  password: string;
  disabled: boolean;
  estates: MembershipValues[];
}

const orNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

/** The staff member's membership of the selected estate (role, department and counter seat). */
export function membershipIn(staff: Staff, estateId: string) {
  return staff.estates.find((m) => m.estateId === estateId) ?? null;
}

/** The role a new membership starts with: the person's own role (an admin works in an estate as its manager). */
const estateRoleOf = (role: Role): EstateRole => (role === 'admin' ? 'manager' : role);

/** The department and counter seat of one membership, from that estate's own departments. */
function MembershipFields({ index, estateId }: { index: number; estateId: string }) {
  const { t } = useTranslation();
  const departments = useDepartmentsOf(estateId);
  return (
    <Row gutter={12}>
      {/* The estate of the row is fixed; a field only so that it is sent with the row. */}
      <Form.Item name={[index, 'estateId']} hidden>
        <Input />
      </Form.Item>
      <Col xs={24} sm={8}>
        <Form.Item name={[index, 'role']} label={t('staff.estateRole')} rules={[{ required: true }]}>
          <Select
            options={ESTATE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            data-testid="staff-form-estate-role"
            aria-label={t('staff.estateRole')}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name={[index, 'departmentId']} label={t('staff.department')}>
          <Select
            allowClear
            loading={departments.isPending}
            placeholder={t('staff.noDepartment')}
            options={departments.data?.items.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name={[index, 'counterSeat']} label={t('staff.counterSeat')}>
          <Select allowClear placeholder={t('staff.noSeat')} options={COUNTER_SEATS.map((s) => ({ value: s, label: t(`seats.${s}`) }))} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * Creates a staff member (staff === null) or edits one. Roles are held per estate: each estate
 * the person works for is a row with its role, department and seat. Only the estates where the
 * signer-in manages staff can be changed, added or removed; the others are shown as they are
 * and left untouched. Only a company admin makes someone an admin.
 */
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
  const { session } = useSession();
  const canIn = useCanIn();
  const isAdmin = useIsCompanyAdmin();
  const estateName = (id: string) => session?.estates.find((e) => e.id === id)?.name ?? id;
  const manages = (estateId: string) => canIn(estateId, 'staff.write');
  const memberships = staff?.estates ?? [];
  const editable = memberships.filter((m) => manages(m.estateId));
  const others = memberships.filter((m) => !manages(m.estateId));
  const addable = (session?.estates ?? []).filter((e) => manages(e.id));
  const initialEstates: MembershipValues[] = staff
    ? editable.map((m) => ({ estateId: m.estateId, role: m.role, departmentId: m.departmentId, counterSeat: m.counterSeat }))
    : [{ estateId: estate.id, role: 'receptionist', departmentId: null, counterSeat: null }];

  const labels = {
    username: t('staff.username'),
    name: t('staff.name'),
    surname: t('staff.surname'),
    role: t('staff.companyRole'),
    email: t('staff.email'),
    phone: t('staff.phone'),
    locale: t('staff.locale'),
    password: t('staff.password'),
    disabled: t('staff.disabled'),
    estates: t('staff.estates'),
  };
  // The server names a membership's field by its place in the list sent, which is the form's list.
  const fieldLabels: Record<string, string> = { ...labels };
  for (let i = 0; i < initialEstates.length + addable.length; i++) {
    fieldLabels[`estates.${i}.role`] = t('staff.estateRole');
    fieldLabels[`estates.${i}.departmentId`] = t('staff.department');
    fieldLabels[`estates.${i}.counterSeat`] = t('staff.counterSeat');
  }
  const required = (field: string) => ({ required: true, whitespace: true, message: t('form.required', { field }) });
  // Only an admin makes an admin; an admin's own record is only an admin's to change.
  const roleChoices = ROLES.filter((r) => r !== 'admin' || isAdmin);

  return (
    <FormModal<StaffValues>
      open={open}
      onClose={onClose}
      width={680}
      title={staff ? t('staff.editTitle', { name: staff.name }) : t('staff.createTitle')}
      testId="staff-form"
      labels={fieldLabels}
      initialValues={
        staff
          ? {
              username: staff.username,
              name: staff.name,
              surname: staff.surname,
              role: staff.role,
              email: staff.email ?? undefined,
              phone: staff.phone ?? undefined,
              locale: staff.locale,
              disabled: staff.disabled,
              estates: initialEstates,
            }
          : { role: 'receptionist', locale: 'zh-Hant', disabled: false, estates: initialEstates }
      }
      onSubmit={async (values) => {
        // Every membership names its role, so changing the person's role elsewhere never changes it.
        const estates = (values.estates ?? []).map((m) => ({
          estateId: m.estateId,
          role: m.role,
          departmentId: m.departmentId ?? null,
          counterSeat: m.counterSeat ?? null,
        }));
        const common = {
          name: values.name.trim(),
          surname: values.surname.trim(),
          email: orNull(values.email),
          phone: orNull(values.phone),
          locale: values.locale,
        };
        let saved: Staff;
        if (staff) {
          // Memberships of estates the signer-in does not manage are not sent: the server keeps them.
          const body: UpdateStaffInput = {
            ...common,
            ...(values.role !== staff.role && { role: values.role }),
            ...(values.disabled !== staff.disabled && { disabled: values.disabled }),
            ...(estates.length > 0 && { estates }),
          };
          saved = await api.patch<Staff>(`/staff/${staff.id}`, body);
        } else {
          const body: CreateStaffInput = {
            ...common,
            role: values.role,
            username: values.username.trim().toLowerCase(),
            password: values.password,
            estates,
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
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          <Form.Item name="name" label={labels.name} rules={[required(labels.name)]}>
            <Input maxLength={100} autoFocus={staff !== null} data-testid="staff-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="surname" label={labels.surname} extra={t('staff.surnameHelp')} rules={[required(labels.surname)]}>
            <Input maxLength={20} data-testid="staff-form-surname" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="role" label={labels.role} extra={t('staff.companyRoleHelp')} rules={[{ required: true }]}>
        <Select options={roleChoices.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="staff-form-role" />
      </Form.Item>
      <Typography.Text strong>{labels.estates}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('staff.estatesHelp')}
      </Typography.Paragraph>
      <Form.List name="estates">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 16 }} data-testid="staff-form-estates">
            {fields.map((field) => (
              <Form.Item key={field.key} noStyle shouldUpdate>
                {(form) => {
                  const estateId = form.getFieldValue(['estates', field.name, 'estateId']) as string;
                  return (
                    <Card
                      size="small"
                      title={estateName(estateId)}
                      data-testid="staff-form-membership"
                      data-estate-id={estateId}
                      extra={
                        fields.length > 1 && (
                          <Button
                            type="text"
                            danger
                            size="small"
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            data-testid="staff-form-membership-remove"
                          >
                            {t('staff.leaveEstate')}
                          </Button>
                        )
                      }
                    >
                      <MembershipFields index={field.name} estateId={estateId} />
                    </Card>
                  );
                }}
              </Form.Item>
            ))}
            <Form.Item noStyle shouldUpdate>
              {(form) => {
                const inList = new Set(((form.getFieldValue('estates') ?? []) as MembershipValues[]).map((m) => m.estateId));
                const choices = addable.filter((e) => !inList.has(e.id));
                if (choices.length === 0) return null;
                return (
                  <Select<string>
                    value={null}
                    style={{ width: '100%' }}
                    placeholder={t('staff.addEstate')}
                    aria-label={t('staff.addEstate')}
                    options={choices.map((e) => ({ value: e.id, label: e.name }))}
                    onChange={(estateId) =>
                      add({
                        estateId,
                        role: estateRoleOf(form.getFieldValue('role') as Role),
                        departmentId: null,
                        counterSeat: null,
                      } satisfies MembershipValues)
                    }
                    data-testid="staff-form-add-estate"
                  />
                );
              }}
            </Form.Item>
            {others.length > 0 && (
              <div data-testid="staff-form-other-estates">
                <Typography.Text type="secondary">{t('staff.otherEstates')}</Typography.Text>
                <div>
                  {others.map((m) => (
                    <Tag key={m.estateId} color={ROLE_COLORS[m.role]}>
                      {estateName(m.estateId)} · {t(`roles.${m.role}`)}
                    </Tag>
                  ))}
                </div>
              </div>
            )}
          </Space>
        )}
      </Form.List>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={labels.phone}>
            <Input inputMode="tel" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={labels.email} rules={[{ type: 'email', message: t('form.invalidEmail') }]}>
            <Input type="email" maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
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
