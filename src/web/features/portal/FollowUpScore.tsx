import { Alert, Button, Card, Input, Rate, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PortalFollowUp, useScoreFollowUp } from './api';
import { usePortalErrorText, usePortalTime } from './text';

/** A follow-up visit after a repair (R-FU-1) or after rain (R-FU-2), and the resident's 1–5 score of it. */
export function FollowUpCard({ followUp }: { followUp: PortalFollowUp }) {
  const { t } = useTranslation();
  const time = usePortalTime();
  const errorText = usePortalErrorText();
  const score = useScoreFollowUp();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const kindKey =
    followUp.kind === 'after_rain' ? 'afterRain' : followUp.kind === 'after_rectification' ? 'afterRectification' : 'afterRepair';

  return (
    <Card size="small" className="ed-portal-card" data-testid="portal-follow-up" data-follow-up-id={followUp.id}>
      <Typography.Text strong>{t(`portal.followUps.kinds.${kindKey}`)}</Typography.Text>
      <div>
        <Typography.Text type="secondary">
          {followUp.visitedAt
            ? t('portal.followUps.visited', { at: time(followUp.visitedAt) })
            : followUp.dueAt
              ? t('portal.followUps.due', { at: time(followUp.dueAt) })
              : t('portal.followUps.waiting')}
        </Typography.Text>
      </div>
      {followUp.residentScore !== null ? (
        <div data-testid="portal-follow-up-scored">
          <Rate disabled value={followUp.residentScore} />
          {followUp.residentComment && <Typography.Paragraph style={{ margin: 0 }}>{followUp.residentComment}</Typography.Paragraph>}
        </div>
      ) : (
        followUp.canScore && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
            <Typography.Text>{t('portal.followUps.question')}</Typography.Text>
            <Rate value={stars} onChange={setStars} style={{ fontSize: 32 }} data-testid="portal-follow-up-stars" />
            <Input.TextArea
              rows={2}
              maxLength={1000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('portal.followUps.comment')}
              data-testid="portal-follow-up-comment"
            />
            <Button
              type="primary"
              size="large"
              block
              disabled={stars < 1}
              loading={score.isPending}
              onClick={() =>
                score.mutate({ followUpId: followUp.id, score: stars, ...(comment.trim() ? { comment: comment.trim() } : {}) })
              }
              data-testid="portal-follow-up-submit"
            >
              {t('portal.followUps.send')}
            </Button>
            {score.isError && <Alert type="error" showIcon title={errorText(score.error)} />}
          </Space>
        )
      )}
    </Card>
  );
}
