import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { navigate } from '../route';

/** Opens the bundled sample assessment (stored on first use) at its rating screen. */
export function OpenSampleButton() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const open = async () => {
    setBusy(true);
    setError(undefined);
    const result = await call('openSample', {});
    setBusy(false);
    if (result.ok) navigate({ screen: 'assessment', id: result.data.id, view: 'rate' });
    else setError(result.error);
  };
  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => void open()}>
        {t('help.sample.open')}
      </button>
      {error && <ErrorMessage error={error} />}
    </>
  );
}
