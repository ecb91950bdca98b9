import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreNotice } from '../../core/store/notices';
import { call } from '../api';

/** Tells the user, once per launch, what the store repaired or could not open (design §5). */
export function StoreNotices() {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<StoreNotice[]>([]);
  useEffect(() => {
    void call('getStoreStatus', {}).then((result) => {
      if (result.ok) setNotices(result.data.notices);
    });
  }, []);
  if (notices.length === 0) return null;
  return (
    <section className="notice notice-warning" role="status" aria-labelledby="store-notices-heading">
      <h2 id="store-notices-heading">{t('notices.heading')}</h2>
      <ul>
        {notices.map((notice, index) => (
          <li key={index}>{t(`notices.${notice.kind}`, { file: notice.file, kept: notice.quarantinedAs ?? '' })}</li>
        ))}
      </ul>
    </section>
  );
}
