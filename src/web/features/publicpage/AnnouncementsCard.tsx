import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/errors';
import { type Announcement, publicPageApi, publicPageKeys } from './api';

interface Values {
  title: string;
  body?: string;
  urgent: boolean;
  fromDate: Dayjs;
  untilDate?: Dayjs | null;
}

const STATES = ['all', 'current', 'upcoming', 'past'] as const;

/** R-PB-1: the announcements of the public page: urgent ones first, by their dates. */
export function AnnouncementsCard({ estateId, mayWrite }: { estateId: string; mayWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [state, setState] = useState<(typeof STATES)[number]>('all');
  const [page, setPage] = useState(1);
  const params = { state, page, pageSize: 10 };
  const list = useQuery({
    queryKey: publicPageKeys.announcements(estateId, params),
    queryFn: () => publicPageApi.announcements(estateId, params),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<Announcement | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: publicPageKeys.all(estateId) });

  const open = (a: Announcement | 'new') => {
    setEditing(a);
    form.setFieldsValue(
      a === 'new'
        ? { title: '', body: '', urgent: false, fromDate: dayjs(), untilDate: null }
        : {
            title: a.title,
            body: a.body,
            urgent: a.urgent,
            fromDate: dayjs(a.fromDate),
            untilDate: a.untilDate ? dayjs(a.untilDate) : null,
          },
    );
  };

  const save = async (v: Values) => {
    setSaving(true);
    const body = {
      title: v.title,
      body: v.body ?? '',
      urgent: v.urgent,
      fromDate: v.fromDate.format('YYYY-MM-DD'),
      untilDate: v.untilDate ? v.untilDate.format('YYYY-MM-DD') : null,
    };
    try {
      if (editing === 'new') await publicPageApi.createAnnouncement(estateId, body);
      else if (editing) await publicPageApi.updateAnnouncement(editing.id, body);
      message.success(t('publicPage.announcementSaved'));
      setEditing(null);
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const withdraw = async (a: Announcement) => {
    try {
      await publicPageApi.withdrawAnnouncement(a.id);
      message.success(t('publicPage.announcementWithdrawn'));
      await refresh();
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Card
      size="small"
      title={t('publicPage.announcements')}
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <Select
            size="small"
            value={state}
            onChange={(s) => {
              setState(s);
              setPage(1);
            }}
            options={STATES.map((s) => ({ value: s, label: t(`publicPage.states.${s}`) }))}
            aria-label={t('publicPage.filterState')}
            style={{ width: 120 }}
            data-testid="announcement-state"
          />
          {mayWrite && (
            <Button size="small" type="primary" onClick={() => open('new')} data-testid="announcement-create">
              {t('publicPage.newAnnouncement')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Announcement>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t('publicPage.announcementTitle'),
            key: 'title',
            render: (_, a) => (
              <Space>
                {a.urgent && <Tag color="red">{t('publicPage.urgent')}</Tag>}
                {a.title}
              </Space>
            ),
          },
          {
            title: t('publicPage.dates'),
            key: 'dates',
            render: (_, a) => (a.untilDate ? `${a.fromDate} – ${a.untilDate}` : `${a.fromDate} –`),
          },
          ...(mayWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, a: Announcement) => (
                    <Space>
                      <Button size="small" icon={<EditOutlined />} onClick={() => open(a)}>
                        {t('common.edit')}
                      </Button>
                      <Popconfirm
                        title={t('publicPage.withdrawConfirm', { title: a.title })}
                        okText={t('publicPage.withdraw')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => withdraw(a)}
                      >
                        <Button size="small" danger icon={<StopOutlined />}>
                          {t('publicPage.withdraw')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('publicPage.newAnnouncement') : t('publicPage.editAnnouncement')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="title"
            label={t('publicPage.announcementTitle')}
            rules={[{ required: true, whitespace: true, message: t('form.required', { field: t('publicPage.announcementTitle') }) }]}
          >
            <Input maxLength={200} data-testid="announcement-title" />
          </Form.Item>
          <Form.Item name="body" label={t('publicPage.announcementBody')}>
            <Input.TextArea rows={4} maxLength={5000} data-testid="announcement-body" />
          </Form.Item>
          <Form.Item name="urgent" valuePropName="checked">
            <Checkbox data-testid="announcement-urgent">{t('publicPage.urgent')}</Checkbox>
          </Form.Item>
          <Space wrap>
            <Form.Item
              name="fromDate"
              label={t('publicPage.fromDate')}
              rules={[{ required: true, message: t('form.required', { field: t('publicPage.fromDate') }) }]}
            >
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="untilDate" label={t('publicPage.untilDate')}>
              <DatePicker />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
