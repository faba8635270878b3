import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useSession } from '../../app/session';
import { FormModal } from '../../components/FormModal';
import type { CreateEstateInput, Estate } from '../directory/types';
import { timeZoneOptions } from './timeZones';

/** An administrator opens a new estate; it becomes the selected one. */
export function CreateEstateButton() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { reload, selectEstate } = useSession();
  const [open, setOpen] = useState(false);
  const labels = {
    code: t('estate.code'),
    name: t('estate.name'),
    address: t('estate.address'),
    timeZone: t('estate.timeZone'),
    officeName: t('estate.officeName'),
  };

  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="estate-create">
        {t('estate.create')}
      </Button>
      <FormModal<CreateEstateInput>
        open={open}
        onClose={() => setOpen(false)}
        title={t('estate.create')}
        testId="estate-form"
        labels={labels}
        initialValues={{ timeZone: 'Asia/Hong_Kong' }}
        onSubmit={async (values) => {
          const created = await api.post<Estate>('/estates', values);
          await reload();
          selectEstate(created.id);
          message.success(t('estate.created', { name: created.name }));
        }}
      >
        <Form.Item
          name="code"
          label={labels.code}
          extra={t('estate.codeHelp')}
          rules={[{ required: true, message: t('form.required', { field: labels.code }) }]}
        >
          <Input autoFocus maxLength={16} />
        </Form.Item>
        <Form.Item
          name="name"
          label={labels.name}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.name }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="officeName"
          label={labels.officeName}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.officeName }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="address"
          label={labels.address}
          rules={[{ required: true, whitespace: true, message: t('form.required', { field: labels.address }) }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="timeZone" label={labels.timeZone}>
          <Select showSearch={{ optionFilterProp: 'search' }} options={timeZoneOptions(i18n.language)} />
        </Form.Item>
      </FormModal>
    </>
  );
}
