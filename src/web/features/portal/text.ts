import dayjs from 'dayjs';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { TIME_FORMAT } from '../../app/time';
import { useErrorText } from '../../components/errors';
import { translateOr } from '../../i18n';
import { useResident } from './session';

/** Times as the estate's wall clock, as in the office (the resident lives by it too). */
export function usePortalTime(): (instant: string | null | undefined, pattern?: string) => string {
  const { estate } = useResident();
  return useCallback(
    (instant: string | null | undefined, pattern = TIME_FORMAT) => (instant ? dayjs(instant).tz(estate.timeZone).format(pattern) : '—'),
    [estate.timeZone],
  );
}

/**
 * A sentence for a resident from an error: a refused sign-in reads the same whether the login,
 * the password or the code was wrong; too many tries say how long to wait.
 */
export function usePortalErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.code === 'auth.invalid_credentials' || error.code === 'auth.invalid_code') return t('portal.errors.signInRefused');
        if (error.status === 429) {
          const seconds = Number(error.details.retryAfterSeconds);
          return Number.isFinite(seconds) && seconds > 0 ? t('portal.errors.wait', { seconds }) : t('errors.rate_limited');
        }
        const field = error.issues[0]?.path.split('.').pop();
        if (error.code === 'validation.failed' && field)
          return t('portal.errors.field', { field: translateOr(`portal.fields.${field}`, field) });
      }
      return errorText(error);
    },
    [t, errorText],
  );
}
