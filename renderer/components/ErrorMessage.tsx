import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';

export function useErrorText() {
  const { t } = useTranslation();
  return (error: ApiError) => {
    if (hasDetail(error, 'network')) return t('errors.NETWORK');
    // Never "input was not accepted": the token is the page's, not anything the user typed.
    if (hasDetail(error, 'session')) return t('errors.SESSION');
    return t(`errors.${error.code}`, { message: error.message });
  };
}

/** Transport failures (renderer/api.ts) are marked in `details`; the core's own errors never carry these keys. */
function hasDetail(error: ApiError, key: 'network' | 'session'): boolean {
  return typeof error.details === 'object' && error.details !== null && key in error.details;
}

export function ErrorMessage({ error }: { error: ApiError }) {
  const text = useErrorText();
  return (
    <p className="error-box" role="alert">
      {text(error)}
    </p>
  );
}
