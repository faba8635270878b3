import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Shown instead of a blank page when a screen fails to load or render. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  // Kept for the developer console; the person at the desk sees a plain sentence.
  console.error(error);
  return (
    <Result
      status="error"
      title={t('errors.pageFailed')}
      subTitle={t('errors.pageFailedHelp')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </Button>
      }
    />
  );
}
