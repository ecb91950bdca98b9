import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import { countryName } from '../../core/model/countries';
import type { PortfolioRow } from '../../core/portfolio/types';
import { call, request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { Modal } from '../components/Modal';
import { lastAssessor } from '../hooks/useAssessor';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import './portfolio.css';
import { Arrow } from '../components/Arrow';

type Shelf = 'archive' | 'trash';

/** Archived or trashed assessments: each can be restored; only emptying the trash deletes, after naming what goes. */
export function ShelfScreen({ shelf }: { shelf: Shelf }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  // Kept here: the list below reloads (and is replaced) after each change, the message must stay.
  const [done, setDone] = useState('');
  const loaded = useLoad(() => request('listPortfolio', { query: { shelf: shelf === 'archive' ? 'archived' : 'trashed', sort: { column: 'updatedAt', direction: 'desc' } } }), `${shelf}/${version}`);
  return (
    <div className="page page-wide">
      <p className="back-link">
        <a href={href({ screen: 'home' })}><Arrow to="back" /> {t('portfolio.back')}</a>
      </p>
      <nav className="portfolio-nav" aria-label={t('portfolio.nav')}>
        {(['archive', 'trash'] as const).map((s) => (
          <a key={s} href={href({ screen: 'shelf', shelf: s })} aria-current={s === shelf ? 'page' : undefined}>
            {t(`portfolio.shelf.${s}.link`)}
            {loaded.kind === 'ready' && ` (${s === 'archive' ? loaded.data.shelves.archived : loaded.data.shelves.trashed})`}
          </a>
        ))}
      </nav>
      <h1>{t(`portfolio.shelf.${shelf}.heading`)}</h1>
      <p className="muted">{t(`portfolio.shelf.${shelf}.intro`)}</p>
      <p role="status">{done}</p>
      {loaded.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loaded.kind === 'error' && <ErrorMessage error={loaded.error} />}
      {loaded.kind === 'ready' && <ShelfList
          shelf={shelf}
          rows={loaded.data.rows}
          onChanged={(message) => {
            setDone(message);
            setVersion((v) => v + 1);
          }}
        />}
    </div>
  );
}

function ShelfList({ shelf, rows, onChanged }: { shelf: Shelf; rows: PortfolioRow[]; onChanged: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<ApiError | undefined>();
  const [confirming, setConfirming] = useState(false);
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const by = lastAssessor().trim() || undefined;

  const restore = async (row: PortfolioRow) => {
    const result = await call('restoreAssessments', { ids: [row.id], ...(by ? { by } : {}) });
    if (!result.ok) return setError(result.error);
    onChanged(t('portfolio.shelf.restored', { title: row.title }));
  };
  const empty = async () => {
    const result = await call('emptyTrash', { confirmIds: rows.map((r) => r.id), ...(by ? { by } : {}) });
    setConfirming(false);
    if (!result.ok) return setError(result.error);
    onChanged(t('portfolio.shelf.trash.emptied', { count: result.data.deleted.length }));
  };

  return (
    <>
      {error && <ErrorMessage error={error} />}
      {rows.length === 0 ? (
        <p className="empty-state">{t(`portfolio.shelf.${shelf}.empty`)}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('home.columns.title')}</th>
                  <th scope="col">{t('home.columns.country')}</th>
                  <th scope="col">{t('home.columns.status')}</th>
                  <th scope="col">{t(`portfolio.shelf.${shelf}.when`)}</th>
                  <th scope="col">
                    <span className="sr-only">{t('home.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.title}</th>
                    <td>{countryName(row.country, i18n.language)}</td>
                    <td>{t(`status.${row.status}`)}</td>
                    <td>{row.shelvedAt ? dates.format(new Date(row.shelvedAt)) : '–'}</td>
                    <td>
                      <button type="button" className="button button-small" onClick={() => void restore(row)}>
                        {t('portfolio.shelf.restore')}
                        <span className="sr-only"> — {row.title}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shelf === 'trash' && (
            <p>
              <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
                {t('portfolio.shelf.trash.emptyAction', { count: rows.length })}
              </button>
            </p>
          )}
        </>
      )}
      <Modal open={confirming} title={t('portfolio.shelf.trash.confirmTitle', { count: rows.length })} onClose={() => setConfirming(false)}>
        <p>{t('portfolio.shelf.trash.confirmBody', { count: rows.length })}</p>
        <ul className="confirm-list">
          {rows.map((row) => (
            <li key={row.id}>
              {row.title} — {countryName(row.country, i18n.language)}
            </li>
          ))}
        </ul>
        <div className="actions">
          <button type="button" className="button" data-autofocus onClick={() => setConfirming(false)}>
            {t('portfolio.shelf.trash.keep')}
          </button>
          <button type="button" className="button button-danger" onClick={() => void empty()}>
            {t('portfolio.shelf.trash.confirm', { count: rows.length })}
          </button>
        </div>
      </Modal>
    </>
  );
}
