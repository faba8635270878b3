import { Button, Modal, Space } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What Enter does in a form. In a date or time picker it confirms the picker only: the
 * receptionist who types a time and presses Enter has not decided to save. A form that takes a
 * number nobody can give back (a rectification notice, the month's spot-check draw) is sent only
 * by its button or Ctrl+Enter, never by Enter in a field.
 */
export function enterKeys(opts: { numbered: boolean; submit: () => void }) {
  return (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    const chord = event.ctrlKey || event.metaKey;
    if (target.closest('.ant-picker')) {
      // The picker has taken its own Enter already; the form's implicit submit is what stops here.
      event.preventDefault();
      if (chord) opts.submit();
      return;
    }
    if (!opts.numbered) return;
    if (chord) {
      event.preventDefault();
      opts.submit();
      return;
    }
    // Enter in a text area starts a line; on a button it presses that button.
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    event.preventDefault();
  };
}

export interface NumberedConfirmation {
  title: ReactNode;
  /** Names what will be numbered: the notice number, the month and how many will be drawn. */
  content: ReactNode;
  okText: ReactNode;
}

/**
 * The question before an irreversible numbered action. Nothing is focused in it, so a stray
 * Enter does not answer it; only its button does. `<testId>`, `<testId>-ok`, `<testId>-cancel`.
 */
export function NumberedConfirm({
  testId,
  confirmation,
  loading,
  onOk,
  onCancel,
}: {
  testId: string;
  confirmation: NumberedConfirmation | null;
  loading: boolean;
  onOk: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={confirmation !== null}
      title={confirmation?.title}
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      width={520}
      footer={
        <Space>
          <Button onClick={onCancel} data-testid={`${testId}-cancel`}>
            {t('numbered.back')}
          </Button>
          <Button type="primary" danger loading={loading} onClick={onOk} data-testid={`${testId}-ok`}>
            {confirmation?.okText}
          </Button>
        </Space>
      }
    >
      <div data-testid={testId}>{confirmation?.content}</div>
    </Modal>
  );
}
