import { FrownOutlined, SmileOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PortalCaseDetail, useAnswerSatisfaction } from './api';
import { usePortalErrorText } from './text';

/**
 * R-CP-3: a complaint closes with the resident's satisfaction. Asked once the office has
 * recorded how it was handled; "not satisfied" keeps it open and goes to the manager.
 */
export function SatisfactionQuestion({ record }: { record: PortalCaseDetail }) {
  const { t } = useTranslation();
  const errorText = usePortalErrorText();
  const answer = useAnswerSatisfaction(record.id);
  const [comment, setComment] = useState('');

  const send = (satisfaction: 'satisfied' | 'not_satisfied') =>
    answer.mutate({ satisfaction, ...(comment.trim() ? { comment: comment.trim() } : {}) });

  return (
    <Card className="ed-portal-card" style={{ borderColor: '#faad14' }} data-testid="portal-satisfaction">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('portal.satisfaction.question')}
      </Typography.Title>
      {record.result && (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('portal.detail.result')}: </Typography.Text>
          <span data-testid="portal-satisfaction-result">{record.result}</span>
        </Typography.Paragraph>
      )}
      <Input.TextArea
        rows={2}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('portal.satisfaction.comment')}
        style={{ marginBottom: 12 }}
        data-testid="portal-satisfaction-comment"
      />
      <Space.Compact block>
        <Button
          type="primary"
          size="large"
          icon={<SmileOutlined />}
          block
          loading={answer.isPending && answer.variables?.satisfaction === 'satisfied'}
          disabled={answer.isPending}
          onClick={() => send('satisfied')}
          data-testid="portal-satisfied"
        >
          {t('portal.satisfaction.satisfied')}
        </Button>
        <Button
          danger
          size="large"
          icon={<FrownOutlined />}
          block
          loading={answer.isPending && answer.variables?.satisfaction === 'not_satisfied'}
          disabled={answer.isPending}
          onClick={() => send('not_satisfied')}
          data-testid="portal-not-satisfied"
        >
          {t('portal.satisfaction.notSatisfied')}
        </Button>
      </Space.Compact>
      {answer.isError && <Alert type="error" showIcon title={errorText(answer.error)} style={{ marginTop: 12 }} />}
    </Card>
  );
}

/** What the resident answered, and what follows from it. */
export function SatisfactionAnswered({ record }: { record: PortalCaseDetail }) {
  const { t } = useTranslation();
  if (!record.satisfaction) return null;
  const satisfied = record.satisfaction === 'satisfied';
  return (
    <Alert
      className="ed-portal-card"
      type={satisfied ? 'success' : 'warning'}
      showIcon
      title={t(satisfied ? 'portal.satisfaction.answeredSatisfied' : 'portal.satisfaction.answeredNotSatisfied')}
      description={
        satisfied ? (record.status === 'closed' ? t('portal.satisfaction.closed') : undefined) : t('portal.satisfaction.followingUp')
      }
      data-testid="portal-satisfaction-answer"
    />
  );
}
