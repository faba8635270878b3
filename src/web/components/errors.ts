import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../app/api';
import { translateOr } from '../i18n';

/**
 * A sentence for a person from any error: server errors are translated by code
 * (`errors.<code>` in the i18n files), falling back to the server's own message.
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) return translateOr(`errors.${error.code}`, error.message || t('errors.unknown'));
      if (error instanceof NetworkError) return t('errors.network');
      return t('errors.unknown');
    },
    [t],
  );
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
