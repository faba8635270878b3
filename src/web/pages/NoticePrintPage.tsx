import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Skeleton, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isRecordId } from '../app/api';
import { isApiError, useErrorText } from '../components/errors';
import { noticePdfUrl, useNotice } from '../features/followups/api';
import { NoticeStatusTag, unitText } from '../features/followups/FollowUpTags';
import { NoticeActions } from '../features/followups/NoticeActions';
import { useEstateTime } from '../features/followups/time';
import type { RectificationNotice } from '../features/followups/types';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td colSpan={3} data-testid={testId}>
        {children}
      </td>
    </tr>
  );
}

function Pair({ cells }: { cells: [string, ReactNode, string?][] }) {
  return (
    <tr>
      {cells.map(([label, value, testId]) => [
        <th key={`${label}-h`} scope="row">
          {label}
        </th>,
        <td key={`${label}-d`} data-testid={testId}>
          {value}
        </td>,
      ])}
    </tr>
  );
}

/**
 * R-RC-2: the notice as one A4 page with signature lines, for the maintenance staff to sign
 * on receipt. The screen shows the sheet as it prints; the print stylesheet leaves only it.
 */
function NoticeSheet({ notice }: { notice: RectificationNotice }) {
  const { t } = useTranslation();
  const time = useEstateTime();
  return (
    <article className="ed-print-sheet" data-testid="notice-sheet" data-status={notice.status}>
      {notice.status === 'void' && <div className="ed-print-void">{t('rectification.statuses.void')}</div>}
      <header className="ed-print-head">
        <div className="ed-print-estate" data-testid="notice-estate">
          {notice.estateName}
        </div>
        {notice.officeName !== notice.estateName && <div className="ed-print-office">{notice.officeName}</div>}
        <h1>{t('rectification.print.title')}</h1>
        <div className="ed-print-code">
          {t('rectification.print.number')} <strong data-testid="notice-code">{notice.code}</strong>
        </div>
      </header>
      <table className="ed-print-table">
        <tbody>
          <Pair
            cells={[
              [t('rectification.fields.caseNumber'), notice.caseNumber, 'notice-case'],
              [t('rectification.fields.unit'), unitText(notice.unit), 'notice-unit'],
            ]}
          />
          <Pair
            cells={[
              [t('rectification.fields.repairClass'), t(`repairClasses.${notice.repairClass}`)],
              [t('rectification.fields.findingAt'), time.format(notice.findingAt)],
            ]}
          />
          <Row label={t('rectification.fields.problem')} testId="notice-problem-shown">
            <div className="ed-print-text">{notice.problem}</div>
          </Row>
          <Row label={t('rectification.fields.requiredAction')} testId="notice-action-shown">
            <div className="ed-print-text">{notice.requiredAction}</div>
          </Row>
          <Row label={t('rectification.fields.deadlineAt')} testId="notice-deadline-shown">
            <strong>{time.format(notice.deadlineAt)}</strong>
          </Row>
          <Pair
            cells={[
              [t('rectification.fields.issuedBy'), notice.issuedBy.name, 'notice-issuer'],
              [t('rectification.fields.issuedAt'), time.format(notice.issuedAt), 'notice-issued-at'],
            ]}
          />
          <Pair
            cells={[
              [t('rectification.fields.recipient'), notice.recipient.name, 'notice-recipient-shown'],
              [
                t('rectification.fields.acknowledgedAt'),
                notice.acknowledgedAt
                  ? t('rectification.print.acknowledged', {
                      time: time.format(notice.acknowledgedAt),
                      name: notice.acknowledgedBy?.name ?? '',
                    })
                  : '',
                'notice-acknowledged',
              ],
            ]}
          />
          {notice.rectifiedAt && (
            <Row label={t('rectification.fields.rectifiedAt')}>
              {t('rectification.print.rectified', { time: time.format(notice.rectifiedAt), name: notice.rectifiedBy?.name ?? '' })}
              {notice.rectifiedNote ? ` · ${notice.rectifiedNote}` : ''}
            </Row>
          )}
          {notice.voidedAt && (
            <Row label={t('rectification.fields.voidReason')}>
              {t('rectification.print.voided', {
                time: time.format(notice.voidedAt),
                name: notice.voidedBy?.name ?? '',
                reason: notice.voidReason ?? '',
              })}
            </Row>
          )}
        </tbody>
      </table>
      <p className="ed-print-note">{t('rectification.print.instruction')}</p>
      <section className="ed-print-signatures" data-testid="notice-signatures">
        <div>
          <div className="ed-print-line" />
          <div>{t('rectification.print.issuerSignature', { name: notice.issuedBy.name })}</div>
          <div className="ed-print-date">{t('rectification.print.date')}</div>
        </div>
        <div>
          <div className="ed-print-line" />
          <div>{t('rectification.print.recipientSignature', { name: notice.recipient.name })}</div>
          <div className="ed-print-date">{t('rectification.print.date')}</div>
        </div>
      </section>
      <footer className="ed-print-foot">{t('rectification.print.footer', { code: notice.code, zone: time.zoneName })}</footer>
    </article>
  );
}

/** One rectification notice: what can be done with it, and the sheet that prints. */
export default function NoticePrintPage() {
  const { t, i18n } = useTranslation();
  const { noticeId = '' } = useParams();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { data: notice, error, isPending } = useNotice(noticeId);

  const missing = !isRecordId(noticeId) || (isApiError(error) && error.status === 404);
  if (isPending && !missing) return <Skeleton active />;
  if (missing || error || !notice) {
    if (missing) {
      return (
        <Result
          status="404"
          data-testid="notice-not-found"
          title={t('rectification.notFound')}
          extra={
            <Button type="primary" onClick={() => void navigate('/rectification-notices')}>
              {t('rectification.backToList')}
            </Button>
          }
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(error)} />;
  }

  return (
    <div data-testid="notice-page" data-notice-id={notice.id}>
      <div className="ed-toolbar ed-no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/rectification-notices')}>
          {t('rectification.backToList')}
        </Button>
        <NoticeStatusTag status={notice.status} />
        <div className="ed-toolbar-spacer" />
        <NoticeActions notice={notice} />
        <Space>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="notice-print">
            {t('rectification.print.print')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            href={noticePdfUrl(notice.id, i18n.language)}
            target="_blank"
            rel="noopener"
            data-testid="notice-pdf"
          >
            {t('rectification.print.pdf')}
          </Button>
        </Space>
      </div>
      <NoticeSheet notice={notice} />
    </div>
  );
}
