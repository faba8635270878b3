import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isRecordId } from '../app/api';
import { isApiError, useErrorText } from '../components/errors';
import { useFeePayment } from '../features/fees/api';
import { ReceiptButtons, ReceiptSheet, VoidReceiptButton, VoidTag } from '../features/fees/Receipt';

/** R-FE-2: one receipt as it prints on one A5 page; the print stylesheet leaves only the sheet. */
export default function ReceiptPrintPage() {
  const { t } = useTranslation();
  const { paymentId = '' } = useParams();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { data: payment, error, isPending } = useFeePayment(paymentId);

  const missing = !isRecordId(paymentId) || (isApiError(error) && error.status === 404);
  if (missing) {
    return (
      <Result
        status="404"
        data-testid="receipt-not-found"
        title={t('feeCounter.receipt.notFound')}
        extra={
          <Button type="primary" onClick={() => void navigate('/fees')}>
            {t('feeCounter.backToCounter')}
          </Button>
        }
      />
    );
  }
  if (isPending) return <Skeleton active />;
  if (error || !payment) return <Alert type="error" showIcon title={errorText(error)} />;

  return (
    <div data-testid="receipt-page" data-payment-id={payment.id}>
      {/* This page prints on A5, whatever the other print pages use. */}
      <style>{'@page { size: A5; margin: 8mm; }'}</style>
      <div className="ed-toolbar ed-no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('feeCounter.back')}
        </Button>
        <VoidTag voided={payment.voided} />
        <div className="ed-toolbar-spacer" />
        <VoidReceiptButton payment={payment} />
        <ReceiptButtons payment={payment} print />
      </div>
      <ReceiptSheet payment={payment} />
    </div>
  );
}
