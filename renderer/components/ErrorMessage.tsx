import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';

export function useErrorText() {
  const { t } = useTranslation();
  return (error: ApiError) =>
    isNetworkError(error) ? t('errors.NETWORK') : t(`errors.${error.code}`, { message: error.message });
}

function isNetworkError(error: ApiError): boolean {
  return typeof error.details === 'object' && error.details !== null && 'network' in error.details;
}

export function ErrorMessage({ error }: { error: ApiError }) {
  const text = useErrorText();
  return (
    <p className="error-box" role="alert">
      {text(error)}
    </p>
  );
}
