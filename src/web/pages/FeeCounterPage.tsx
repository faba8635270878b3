import { Alert, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { FeeCharge, FeePayment, FeeUnit } from '../../contract/fees';
import { useCan } from '../app/session';
import { useEstateTime } from '../app/time';
import { useErrorText } from '../components/errors';
import { PageHeader } from '../components/PageHeader';
import { ResponsiveTable } from '../components/ResponsiveTable';
import { useUnitDetail } from '../features/directory/api';
import { type LookupPick, pickKey, UnitLookup } from '../features/directory/UnitLookup';
import { useFeeAccount } from '../features/fees/api';
import { feeUnitText, useMoney, VoidTag } from '../features/fees/money';
import { OneOffChargeButton } from '../features/fees/OneOffCharge';
import { ReceiptButtons, ReceiptTaken, VoidReceiptButton } from '../features/fees/Receipt';
import { StatementPanel } from '../features/fees/Statement';
import { TakePaymentForm } from '../features/fees/TakePaymentForm';
import { useAltShortcuts } from '../features/frontdesk/shortcuts';

/**
 * R-FE-2, R-FE-3: a unit's account at the counter, keyboard first like the phone desk: the
 * lookup has the keyboard on opening; a unit picked shows its balance, what it owes oldest
 * first and its latest receipts, and the payment form takes the keyboard (Alt+L back to the
 * lookup, Alt+A to the amount).
 */
export default function FeeCounterPage() {
  const { t } = useTranslation();
  const can = useCan();
  const money = useMoney();
  const time = useEstateTime();
  const errorText = useErrorText();
  // A unit opened from another screen (a row of the arrears) arrives with the address.
  const opened = (useLocation().state as { unit?: FeeUnit } | null)?.unit;
  const [pick, setPick] = useState<LookupPick | null>(() =>
    opened
      ? { key: pickKey(opened.id, null), unit: { id: opened.id, buildingName: opened.buildingName, number: opened.number }, resident: null }
      : null,
  );
  const [taken, setTaken] = useState<FeePayment | null>(null);
  const [formRound, setFormRound] = useState(0);
  const unitId = pick?.unit?.id ?? null;
  const account = useFeeAccount(unitId);
  const detail = useUnitDetail(unitId && !pick?.resident && can('unit.read') ? unitId : null);
  const lookupRef = useRef<{ focus: () => void }>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const data = account.data && account.data.unit.id === unitId ? account.data : undefined;
  const payer = pick?.resident?.name ?? detail.data?.residents[0]?.name ?? '';

  useAltShortcuts({ l: () => lookupRef.current?.focus(), a: () => amountRef.current?.focus() });
  // The unit found, the keyboard moves on to the amount.
  const loadedUnit = data?.unit.id;
  useEffect(() => {
    if (loadedUnit) amountRef.current?.focus();
  }, [loadedUnit]);

  const chargeColumns = [
    { title: t('feeCounter.charge.chargedOn'), dataIndex: 'chargedOn', key: 'chargedOn' },
    {
      title: t('feeCounter.charge.description'),
      key: 'description',
      render: (_: unknown, c: FeeCharge) => (
        <Space size={4} wrap>
          <span>{c.description}</span>
          {c.period && <Typography.Text type="secondary">{c.period}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('feeCounter.charge.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_: unknown, c: FeeCharge) => money(c.amount, c.currency),
    },
    {
      title: t('feeCounter.charge.outstanding'),
      key: 'outstanding',
      align: 'right' as const,
      render: (_: unknown, c: FeeCharge) => <strong>{money(c.outstanding, c.currency)}</strong>,
    },
  ];
  const receiptColumns = [
    {
      title: t('feeCounter.receipt.number'),
      key: 'number',
      render: (_: unknown, p: FeePayment) => (
        <Space size={4}>
          <Link to={`/fees/receipts/${p.id}`}>{p.receiptNumber}</Link>
          <VoidTag voided={p.voided} />
        </Space>
      ),
    },
    { title: t('feeCounter.receipt.receivedAt'), key: 'at', render: (_: unknown, p: FeePayment) => time.format(p.receivedAt) },
    { title: t('feeCounter.pay.method'), key: 'method', render: (_: unknown, p: FeePayment) => t(`feeCounter.methods.${p.method}`) },
    { title: t('feeCounter.pay.payer'), dataIndex: 'payer', key: 'payer' },
    {
      title: t('feeCounter.receipt.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_: unknown, p: FeePayment) => <Typography.Text delete={p.voided}>{money(p.amount, p.currency)}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, p: FeePayment) => (
        <Space wrap>
          <ReceiptButtons payment={p} />
          <VoidReceiptButton payment={p} onVoided={(v) => setTaken((cur) => (cur?.id === v.id ? v : cur))} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('feeCounter.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <UnitLookup
          value={pick}
          onChange={(next) => {
            setPick(next?.unit ? next : null);
            setTaken(null);
            setFormRound((n) => n + 1);
          }}
          autoFocus
          size="large"
          selectRef={lookupRef}
          testId="fee-unit-lookup"
          optionTestId="fee-unit-option"
          placeholder={t('feeCounter.lookup')}
        />
        <Typography.Text type="secondary">{t('feeCounter.keys')}</Typography.Text>
      </Card>
      {!unitId && <Empty description={t('feeCounter.pickUnit')} />}
      {unitId && account.error && <Alert type="error" showIcon title={errorText(account.error)} />}
      {unitId && !data && !account.error && <Skeleton active />}
      {data && (
        <Row gutter={[16, 16]} data-testid="fee-account" data-unit-id={data.unit.id}>
          <Col xs={24} xl={7}>
            <Card size="small" title={feeUnitText(data.unit)}>
              <Statistic
                title={t('feeCounter.account.balance')}
                value={money(data.balance, data.currency)}
                styles={data.balance > 0 ? { content: { color: '#cf1322' } } : undefined}
                valueRender={(node) => <span data-testid="fee-balance">{node}</span>}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('feeCounter.account.outstandingCount', { count: data.outstanding.length })}
              </Typography.Paragraph>
              <OneOffChargeButton account={data} />
            </Card>
          </Col>
          <Col xs={24} xl={17}>
            <Card size="small" title={t('feeCounter.pay.title')}>
              {taken ? (
                <ReceiptTaken
                  payment={taken}
                  onNext={() => {
                    setTaken(null);
                    setFormRound((n) => n + 1);
                  }}
                />
              ) : can('fee.collect') ? (
                <TakePaymentForm
                  key={`${data.unit.id}-${formRound}`}
                  account={data}
                  defaultPayer={payer}
                  amountRef={amountRef}
                  onPaid={(payment) => setTaken(payment)}
                />
              ) : (
                <Table<FeeCharge>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  columns={chargeColumns}
                  dataSource={data.outstanding}
                  locale={{ emptyText: t('feeCounter.account.nothingOwed') }}
                />
              )}
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small">
              <Tabs
                items={[
                  {
                    key: 'owed',
                    label: t('feeCounter.account.outstanding'),
                    children: (
                      <ResponsiveTable<FeeCharge>
                        size="small"
                        rowKey="id"
                        pagination={false}
                        columns={chargeColumns}
                        dataSource={data.outstanding}
                        data-testid="fee-outstanding"
                        locale={{ emptyText: t('feeCounter.account.nothingOwed') }}
                      />
                    ),
                  },
                  {
                    key: 'receipts',
                    label: t('feeCounter.account.receipts'),
                    children: (
                      <ResponsiveTable<FeePayment>
                        size="small"
                        rowKey="id"
                        pagination={false}
                        columns={receiptColumns}
                        dataSource={data.recentPayments}
                        data-testid="fee-receipts"
                        locale={{ emptyText: t('feeCounter.account.noReceipts') }}
                      />
                    ),
                  },
                  {
                    key: 'statement',
                    label: t('feeCounter.statement.title'),
                    children: <StatementPanel unitId={data.unit.id} />,
                  },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
