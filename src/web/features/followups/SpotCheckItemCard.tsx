import { AuditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { useErrorText } from '../../components/errors';
import { applyServerErrors } from '../../components/formErrors';
import { useFollowUpActions } from './api';
import { FollowUpKindTags, ResultTag, satisfactionText, unitText, VerdictTag } from './FollowUpTags';
import { useEstateTime } from './time';
import { type SpotCheckItem, type SpotVerdict, VERDICTS } from './types';

interface VerdictValues {
  verdict?: SpotVerdict;
  note?: string;
  problemFound?: boolean;
}

/**
 * One sampled follow-up (R-FU-5): what was recorded then, and the manager's verdict after
 * calling the resident again. "Problem found" means the repair itself still fails: a written
 * notice is then due (R-RC-1).
 */
export function SpotCheckItemCard({
  item,
  canJudge,
  onIssueNotice,
}: {
  item: SpotCheckItem;
  canJudge: boolean;
  onIssueNotice: (item: SpotCheckItem) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const time = useEstateTime();
  const actions = useFollowUpActions();
  const mayIssue = useCan()('notice.issue');
  const [form] = Form.useForm<VerdictValues>();
  const [saving, setSaving] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const f = item.followUp;
  const labels = {
    verdict: t('spotChecks.fields.verdict'),
    note: t('spotChecks.fields.note'),
    problemFound: t('spotChecks.fields.problemFound'),
  };

  const save = async (v: VerdictValues) => {
    if (!v.verdict) return;
    setSaving(true);
    setAlert(null);
    try {
      await actions.verdict(item.id, {
        verdict: v.verdict,
        note: v.note?.trim() ? v.note.trim() : undefined,
        problemFound: Boolean(v.problemFound),
      });
      message.success(t('spotChecks.verdictSaved', { position: item.position }));
    } catch (error) {
      const { placed } = applyServerErrors(form, error, { labels });
      setAlert(placed > 0 ? t('form.fixFields') : errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      {...({ 'data-testid': 'spot-item', 'data-item-id': item.id, 'data-verdict': item.verdict ?? '' } as HTMLAttributes<HTMLDivElement>)}
      title={
        <Space size={4} wrap>
          <span>#{item.position}</span>
          <Link to={`/cases/${f.caseId}`}>{f.caseNumber}</Link>
          <FollowUpKindTags followUp={f} />
          {f.result && <ResultTag result={f.result} />}
          {item.verdict && <VerdictTag verdict={item.verdict} />}
        </Space>
      }
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <div className="ed-followup-who">
          <Typography.Text strong>{unitText(f.unit)}</Typography.Text>
          {f.residentName && <Typography.Text>{f.residentName}</Typography.Text>}
          {f.residentPhone && (
            <a href={`tel:${f.residentPhone}`} className="ed-tel">
              {f.residentPhone}
            </a>
          )}
        </div>
        <Typography.Text type="secondary">
          {t('followUps.performed', {
            time: time.format(f.performedAt),
            name: f.performedBy?.name ?? '—',
            method: f.method ? t(`followUps.methods.${f.method}`) : '—',
          })}
        </Typography.Text>
        {f.residentWords && <blockquote className="ed-words">{f.residentWords}</blockquote>}
        {f.satisfaction !== null && (
          <Typography.Text>
            {t('followUps.satisfactionShown', { score: f.satisfaction, text: satisfactionText(f.satisfaction) })}
          </Typography.Text>
        )}
        {item.verdictAt && (
          <Typography.Text type="secondary" data-testid="spot-item-verdict-by">
            {t('spotChecks.verdictBy', { name: item.verdictBy?.name ?? '—', time: time.format(item.verdictAt) })}
            {item.note ? ` · ${item.note}` : ''}
            {item.problemFound ? ` · ${t('spotChecks.fields.problemFound')}` : ''}
          </Typography.Text>
        )}
        {mayIssue && item.verdict && (item.verdict === 'discrepancy' || item.problemFound) && (
          <Space wrap>
            <Button danger icon={<AuditOutlined />} onClick={() => onIssueNotice(item)} data-testid="spot-issue-notice">
              {t('followUps.actions.issueNotice')}
            </Button>
          </Space>
        )}
        {/* A verdict is recorded once (R-FU-5): the record of the check cannot be rewritten. */}
        {canJudge && !item.verdict && (
          <Form<VerdictValues>
            form={form}
            layout="vertical"
            onFinish={save}
            initialValues={{ note: '', problemFound: false }}
            style={{ marginTop: 8 }}
          >
            <Form.Item
              name="verdict"
              label={labels.verdict}
              rules={[{ required: true, message: t('form.required', { field: labels.verdict }) }]}
            >
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={VERDICTS.map((v) => ({ value: v, label: t(`spotChecks.verdicts.${v}`) }))}
                data-testid="spot-verdict"
              />
            </Form.Item>
            <Form.Item name="note" label={labels.note}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="spot-note" />
            </Form.Item>
            <Form.Item name="problemFound" valuePropName="checked" extra={t('spotChecks.problemFoundHelp')}>
              <Checkbox data-testid="spot-problem-found">{labels.problemFound}</Checkbox>
            </Form.Item>
            {alert && <Alert type="error" showIcon title={alert} style={{ marginBottom: 12 }} data-testid="spot-verdict-error" />}
            <Button type="primary" htmlType="submit" loading={saving} data-testid="spot-verdict-save">
              {t('spotChecks.saveVerdict')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  );
}
