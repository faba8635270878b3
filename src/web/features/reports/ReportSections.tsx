import { Card, Col, Descriptions, type DescriptionsProps, Row, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Correction, MonthlyReport, RuleCompliance } from '../../../contract/reports';
import { translateOr } from '../../i18n';
import { useMoney } from '../fees/money';
import { FigureCount } from './FigureRecords';
import { casePartLabel, correctionValueKind, decimalText, RULE_STATES, useFigureLabel, useReportFormat } from './format';

type Items = NonNullable<DescriptionsProps['items']>;
type Figures = MonthlyReport['figures'];

/** One section of the printed report: a titled card that keeps together on paper. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} className="ed-report-section" data-testid={`report-${id}`}>
      {children}
    </Card>
  );
}

function Facts({ items, column = 3 }: { items: Items; column?: number }) {
  return <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: column }} items={items} />;
}

const item = (key: string, label: ReactNode, children: ReactNode) => ({ key, label, children });

function Volumes({ volumes }: { volumes: Figures['volumes'] }) {
  const { t } = useTranslation();
  const parts = [
    ['kind', 'byKind', volumes.byKind],
    ['channel', 'byChannel', volumes.byChannel],
    ['repairClass', 'byRepairClass', volumes.byRepairClass],
  ] as const;
  return (
    <Section id="volumes" title={t('reports.sections.volumes')}>
      <Facts items={[item('total', t('reports.volumes.total'), <FigureCount figure="cases.total" value={volumes.total} />)]} />
      {parts.map(([part, heading, counts]) => (
        <Descriptions
          key={part}
          size="small"
          title={t(`reports.volumes.${heading}`)}
          style={{ marginTop: 12 }}
          bordered
          column={{ xs: 2, sm: 3, lg: 4 }}
          items={counts.map((c) =>
            item(c.key, casePartLabel(part, c.key), <FigureCount figure={`cases.${part}.${c.key}`} value={c.count} />),
          )}
        />
      ))}
    </Section>
  );
}

function Rules({ rules }: { rules: RuleCompliance[] }) {
  const { t } = useTranslation();
  const { percent, ruleName } = useReportFormat();
  return (
    <Section id="rules" title={t('reports.sections.rules')}>
      <Table<RuleCompliance>
        data-testid="report-rules-table"
        rowKey="rule"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rules}
        columns={[
          { title: t('reports.rules.rule'), dataIndex: 'rule', key: 'rule', render: (rule: string) => <strong>{rule}</strong> },
          { title: t('reports.rules.name'), key: 'name', render: (_, r) => ruleName(r.rule) },
          ...RULE_STATES.map((state) => ({
            title: t(`reports.rules.${state}`),
            key: state,
            align: 'right' as const,
            render: (_: unknown, r: RuleCompliance) => <FigureCount figure={`rules.${r.rule}.${state}`} value={r[state]} />,
          })),
          {
            title: t('reports.rules.rate'),
            key: 'rate',
            align: 'right',
            render: (_, r) => <span data-testid={`rule-rate-${r.rule}`}>{percent(r.onTimeRate)}</span>,
          },
        ]}
      />
    </Section>
  );
}

function Satisfaction({ satisfaction, spotCheck }: Pick<Figures, 'satisfaction' | 'spotCheck'>) {
  const { t } = useTranslation();
  const { language } = useReportFormat();
  const s = satisfaction;
  const results = ['ok', 'problem', 'unreachable'] as const;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Section id="satisfaction" title={t('reports.sections.satisfaction')}>
          <Facts
            column={2}
            items={[
              item(
                'closed',
                t('reports.satisfaction.complaintsClosed'),
                <FigureCount figure="complaints.closed" value={s.complaintsClosed} />,
              ),
              item('satisfied', t('reports.satisfaction.satisfied'), <FigureCount figure="complaints.satisfied" value={s.satisfied} />),
              item(
                'notSatisfied',
                t('reports.satisfaction.notSatisfied'),
                <FigureCount figure="complaints.notSatisfied" value={s.notSatisfied} />,
              ),
              item(
                'closedWithout',
                t('reports.satisfaction.closedWithout'),
                <FigureCount figure="complaints.closedWithout" value={s.closedWithout} />,
              ),
              item(
                'recorded',
                t('reports.satisfaction.followUpsRecorded'),
                <FigureCount figure="followUps.recorded" value={s.followUpsRecorded} />,
              ),
              ...results.map((r) =>
                item(r, t(`followUps.results.${r}`), <FigureCount figure={`followUps.result.${r}`} value={s.followUpResults[r]} />),
              ),
              item(
                'score',
                t('reports.satisfaction.averageScore'),
                s.averageScore === null ? '—' : new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(s.averageScore),
              ),
            ]}
          />
        </Section>
      </Col>
      <Col xs={24} xl={10}>
        <Section id="spot-check" title={t('reports.sections.spotCheck')}>
          <Tag color={spotCheck.drawn ? 'green' : 'default'} style={{ marginBottom: 8 }}>
            {spotCheck.drawn ? t('reports.spotCheck.drawn') : t('reports.spotCheck.notDrawn')}
          </Tag>
          <Facts
            column={2}
            items={[
              item('sampled', t('reports.spotCheck.sampled'), <FigureCount figure="spotCheck.sampled" value={spotCheck.sampled} />),
              ...(['confirmed', 'discrepancy', 'unreachable', 'pending'] as const).map((verdict) =>
                item(
                  verdict,
                  t(`reports.spotCheck.${verdict}`),
                  <FigureCount figure={`spotCheck.${verdict}`} value={spotCheck[verdict]} />,
                ),
              ),
            ]}
          />
        </Section>
      </Col>
    </Row>
  );
}

function NoticesAndDesk({ notices, desk }: Pick<Figures, 'notices' | 'desk'>) {
  const { t } = useTranslation();
  const { hours, minutes } = useReportFormat();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Section id="notices" title={t('reports.sections.notices')}>
          <Facts
            column={2}
            items={[
              ...(['issued', 'acknowledged', 'unacknowledged'] as const).map((key) =>
                item(key, t(`reports.notices.${key}`), <FigureCount figure={`notices.${key}`} value={notices[key]} />),
              ),
              item('median', t('reports.notices.medianAck'), hours(notices.medianAckHours)),
              item('max', t('reports.notices.maxAck'), hours(notices.maxAckHours)),
            ]}
          />
        </Section>
      </Col>
      <Col xs={24} xl={14}>
        <Section id="desk" title={t('reports.sections.desk')}>
          <Facts
            items={[
              ...(['calls', 'messages', 'callBacks', 'visits', 'waitedOverLimit'] as const).map((key) =>
                item(key, t(`reports.desk.${key}`), <FigureCount figure={`desk.${key}`} value={desk[key]} />),
              ),
              item('median', t('reports.desk.medianWait'), minutes(desk.medianWaitMinutes)),
              item('max', t('reports.desk.maxWait'), minutes(desk.maxWaitMinutes)),
            ]}
          />
        </Section>
      </Col>
    </Row>
  );
}

/** R-PH-5: the month's calls as the PBX measured them; absent from reports frozen before they were counted. */
function Phone({ phone, month }: { phone: NonNullable<Figures['phone']>; month: string }) {
  const { t } = useTranslation();
  const { percent } = useReportFormat();
  const late = phone.answered - phone.answeredInTime;
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  const breakdown = `/phone/answer-times?from=${month}-01&to=${month}-${String(lastDay).padStart(2, '0')}`;
  return (
    <Section id="phone" title={t('reports.sections.phone')}>
      <p className="ed-no-print">
        <Link to={breakdown} data-testid="report-phone-breakdown">
          {t('reports.phone.breakdown')}
        </Link>
      </p>
      <Facts
        items={[
          ...(['calls', 'answered', 'answeredInTime', 'missed', 'notLogged'] as const).map((key) =>
            item(key, t(`reports.phone.${key}`), <FigureCount figure={`phone.${key}`} value={phone[key]} />),
          ),
          item('late', t('reports.phone.late'), <FigureCount figure="phone.late" value={late} />),
          item('rate', t('reports.phone.inTimeRate'), percent(phone.inTimeRate)),
          item(
            'longest',
            t('reports.phone.longestRing'),
            phone.longestRingSeconds === null ? '-' : t('reports.phone.seconds', { seconds: phone.longestRingSeconds }),
          ),
        ]}
      />
    </Section>
  );
}

function Fees({ fees }: { fees: Figures['fees'] }) {
  const { t } = useTranslation();
  const money = useMoney();
  return (
    <Section id="fees" title={t('reports.sections.fees')}>
      <Facts
        items={[
          item(
            'collected',
            t('reports.fees.collected'),
            <span data-testid="report-collected">{money(fees.collected, fees.currency)}</span>,
          ),
          item('receipts', t('reports.fees.receipts'), <FigureCount figure="fees.receipts" value={fees.receipts} />),
          item('voided', t('reports.fees.voided'), <FigureCount figure="fees.voided" value={fees.voided} />),
          item('arrears', t('reports.fees.arrears'), money(fees.arrears.total, fees.currency)),
          item('units', t('reports.fees.arrearsUnits'), fees.arrears.units),
          ...fees.arrears.bands.map((b) =>
            item(`band-${b.band}`, translateOr(`arrears.bands.${b.band}`, b.band), money(b.amount, fees.currency)),
          ),
        ]}
      />
    </Section>
  );
}

function Corrections({ corrections, currency }: { corrections: Correction[]; currency: string }) {
  const { t } = useTranslation();
  const figureLabel = useFigureLabel();
  const money = useMoney();
  const { percent, language } = useReportFormat();
  const value = (figure: string, n: number) => {
    const kind = correctionValueKind(figure);
    if (kind === 'money') return money(n, currency);
    if (kind === 'rate') return percent(n);
    return decimalText(n, language);
  };
  return (
    <Section id="corrections" title={t('reports.sections.corrections')}>
      <Table<Correction>
        data-testid="report-corrections-table"
        rowKey={(c) => `${c.month}-${c.figure}`}
        size="small"
        pagination={false}
        dataSource={corrections}
        locale={{ emptyText: t('reports.corrections.empty') }}
        columns={[
          { title: t('reports.corrections.month'), dataIndex: 'month', key: 'month' },
          { title: t('reports.corrections.figure'), key: 'figure', render: (_, c) => figureLabel(c.figure) },
          { title: t('reports.corrections.frozen'), key: 'frozen', align: 'right', render: (_, c) => value(c.figure, c.frozen) },
          { title: t('reports.corrections.now'), key: 'now', align: 'right', render: (_, c) => <strong>{value(c.figure, c.now)}</strong> },
        ]}
      />
    </Section>
  );
}

/** The report's figures, section by section, every count opening the records behind it. */
export function ReportSections({ report }: { report: MonthlyReport }) {
  const f = report.figures;
  return (
    <div className="ed-report-sections">
      <Volumes volumes={f.volumes} />
      <Rules rules={f.rules} />
      <Satisfaction satisfaction={f.satisfaction} spotCheck={f.spotCheck} />
      <NoticesAndDesk notices={f.notices} desk={f.desk} />
      {f.phone && <Phone phone={f.phone} month={report.month} />}
      <Fees fees={f.fees} />
      <Corrections corrections={report.corrections} currency={f.fees.currency} />
    </div>
  );
}
