import { Alert, Button, Form, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from './errors';
import { applyServerErrors } from './formErrors';
import { enterKeys, NumberedConfirm, type NumberedConfirmation } from './NumberedAction';

export interface FormModalProps<Values> {
  open: boolean;
  title: ReactNode;
  /** Prefix of the data-testid attributes: `<testId>`, `<testId>-submit`, `<testId>-error`. */
  testId: string;
  initialValues?: Partial<Values>;
  /** Field labels by field name (nested names joined with '.'), so server messages name the field. */
  labels: Record<string, string>;
  /** Server paths that land on a differently named field, e.g. `estates.0.departmentId` → `departmentId`. */
  aliases?: Record<string, string>;
  /** Error codes that concern one field although the server names none. */
  codeFields?: Record<string, string>;
  submitText?: ReactNode;
  width?: number;
  onSubmit: (values: Values) => Promise<unknown>;
  /**
   * For an action that takes a number nobody can give back: Enter in a field never sends it,
   * its button or Ctrl+Enter asks this confirmation first (`<testId>-confirm`), and only its
   * answer submits.
   */
  numbered?: (values: Values) => NumberedConfirmation;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A create/edit form in a dialog. Enter in a field submits (the submit button sits inside the
 * form), except in a date or time picker, where it only confirms the picker; a numbered action
 * (`numbered`) is sent only by its button or Ctrl+Enter, after a confirmation. Server validation
 * issues are shown on the fields they name.
 */
export function FormModal<Values extends object>(props: FormModalProps<Values>) {
  return (
    <Modal
      open={props.open}
      title={props.title}
      footer={null}
      width={props.width ?? 560}
      onCancel={props.onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <div data-testid={props.testId}>{props.open && <FormBody {...props} />}</div>
    </Modal>
  );
}

function FormBody<Values extends object>({
  testId,
  initialValues,
  labels,
  aliases,
  codeFields,
  submitText,
  onSubmit,
  numbered,
  onClose,
  children,
}: FormModalProps<Values>) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [alerts, setAlerts] = useState<string[]>([]);
  const [pending, setPending] = useState<Values | null>(null);

  const finish = async (values: Values) => {
    setSubmitting(true);
    setAlerts([]);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      const { placed, unplaced } = applyServerErrors(form, error, { labels, aliases, codeFields });
      setAlerts(placed > 0 ? [t('form.fixFields'), ...unplaced] : [errorText(error), ...unplaced]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      {/* The form's name prefixes its fields' ids (estate-form_name): a dialog's fields never share
          an id with a page's form under it, so each label names its own field. */}
      <Form<Values>
        form={form}
        name={testId}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => (numbered ? setPending(values) : finish(values))}
        onKeyDown={enterKeys({ numbered: Boolean(numbered), submit: () => form.submit() })}
        requiredMark="optional"
        scrollToFirstError
      >
        {children}
        {alerts.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid={`${testId}-error`}
            style={{ marginBottom: 16 }}
            title={alerts[0]}
            description={alerts.length > 1 ? alerts.slice(1).map((a) => <div key={a}>{a}</div>) : undefined}
          />
        )}
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          {numbered && (
            <Typography.Text type="secondary" data-testid={`${testId}-keys`}>
              {t('numbered.keys')}
            </Typography.Text>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid={`${testId}-submit`}>
            {submitText ?? t('common.save')}
          </Button>
        </Space>
      </Form>
      {numbered && (
        <NumberedConfirm
          testId={`${testId}-confirm`}
          confirmation={pending ? numbered(pending) : null}
          loading={submitting}
          onCancel={() => setPending(null)}
          onOk={() => {
            if (!pending) return;
            void finish(pending).finally(() => setPending(null));
          }}
        />
      )}
    </>
  );
}
