import { Checkbox, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useEstate } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import {
  type CreateResidentInput,
  NOTIFY_CHANNELS,
  type NotifyChannel,
  RESIDENT_KINDS,
  RESIDENT_LOCALES,
  RESIDENT_TITLES,
  type Resident,
  type ResidentKind,
  type ResidentTitle,
} from '../directory/types';
import { UnitPicker } from './UnitPicker';

interface ResidentValues {
  name: string;
  kind: ResidentKind;
  /** 'none' while the office does not know how the resident is addressed. */
  title: ResidentTitle | 'none';
  phone?: string;
  phoneAlt?: string;
  email?: string;
  unitIds: string[];
  locale: Resident['locale'];
  /** 'auto': SMS with a phone, else email, else the portal (R-CP-5). */
  notifyChannel: NotifyChannel | 'auto';
  optOut: NotifyChannel[];
}

const orNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);

export function ResidentForm({
  open,
  resident,
  defaultUnit,
  onClose,
  onSaved,
}: {
  open: boolean;
  resident: Resident | null;
  defaultUnit?: { id: string; buildingName: string; number: string };
  onClose: () => void;
  onSaved: (resident: Resident) => void;
}) {
  const { t } = useTranslation();
  const estate = useEstate();
  const labels = {
    name: t('residents.name'),
    kind: t('residents.kind'),
    title: t('residents.formOfAddress'),
    phone: t('residents.phone'),
    phoneAlt: t('residents.phoneAlt'),
    email: t('residents.email'),
    unitIds: t('residents.units'),
    locale: t('residents.locale'),
    notifyChannel: t('residents.notifyChannel'),
    optOut: t('residents.optOut'),
  };

  return (
    <FormModal<ResidentValues>
      open={open}
      onClose={onClose}
      title={resident ? t('residents.editTitle', { name: resident.name }) : t('residents.createTitle')}
      testId="resident-form"
      labels={labels}
      initialValues={
        resident
          ? {
              name: resident.name,
              kind: resident.kind,
              title: resident.title ?? 'none',
              phone: resident.phone ?? undefined,
              phoneAlt: resident.phoneAlt ?? undefined,
              email: resident.email ?? undefined,
              unitIds: resident.units.map((u) => u.id),
              locale: resident.locale,
              notifyChannel: resident.notifyChannel ?? 'auto',
              optOut: NOTIFY_CHANNELS.filter((c) => resident.optOut[c]),
            }
          : {
              kind: 'owner',
              title: 'none',
              unitIds: defaultUnit ? [defaultUnit.id] : [],
              locale: 'zh-Hant',
              notifyChannel: 'auto',
              optOut: [],
            }
      }
      onSubmit={async (values) => {
        const body: CreateResidentInput = {
          name: values.name.trim(),
          kind: values.kind,
          title: values.title === 'none' || !values.title ? null : values.title,
          phone: orNull(values.phone),
          phoneAlt: orNull(values.phoneAlt),
          email: orNull(values.email),
          unitIds: values.unitIds ?? [],
          locale: values.locale ?? 'zh-Hant',
          notifyChannel: !values.notifyChannel || values.notifyChannel === 'auto' ? null : values.notifyChannel,
          optOut: Object.fromEntries(NOTIFY_CHANNELS.map((c) => [c, (values.optOut ?? []).includes(c)])),
        };
        const saved = resident
          ? await api.patch<Resident>(`/residents/${resident.id}`, body)
          : await api.post<Resident>(`/estates/${estate.id}/residents`, body);
        onSaved(saved);
      }}
    >
      <Form.Item
        name="name"
        label={labels.name}
        rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.name }) }]}
      >
        <Input maxLength={100} autoFocus data-testid="resident-form-name" />
      </Form.Item>
      <Form.Item name="kind" label={labels.kind} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={RESIDENT_KINDS.map((k) => ({ value: k, label: t(`residents.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={labels.title} extra={t('residents.titleHelp')}>
        <Radio.Group
          optionType="button"
          data-testid="resident-form-title"
          options={(['none', ...RESIDENT_TITLES] as const).map((k) => ({ value: k, label: t(`residents.titles.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="unitIds" label={labels.unitIds}>
        <UnitPicker known={resident?.units ?? (defaultUnit ? [defaultUnit] : [])} />
      </Form.Item>
      <Form.Item name="phone" label={labels.phone}>
        <Input inputMode="tel" maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phoneAlt" label={labels.phoneAlt}>
        <Input inputMode="tel" maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="email" label={labels.email} rules={[{ type: 'email', message: t('form.invalidEmail') }]}>
        <Input type="email" maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="locale" label={labels.locale} extra={t('residents.localeHelp')}>
        <Radio.Group
          optionType="button"
          data-testid="resident-form-locale"
          options={RESIDENT_LOCALES.map((l) => ({ value: l, label: t(`residents.locales.${l}`) }))}
        />
      </Form.Item>
      <Form.Item name="notifyChannel" label={labels.notifyChannel} extra={t('residents.notifyChannelHelp')}>
        <Radio.Group
          optionType="button"
          data-testid="resident-form-channel"
          options={(['auto', ...NOTIFY_CHANNELS] as const).map((c) => ({ value: c, label: t(`residents.channels.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="optOut" label={labels.optOut}>
        <Checkbox.Group
          data-testid="resident-form-opt-out"
          options={NOTIFY_CHANNELS.map((c) => ({ value: c, label: t(`residents.channels.${c}`) }))}
        />
      </Form.Item>
    </FormModal>
  );
}
