import { useTranslation } from 'react-i18next';
import { countryName } from '../../core/model/countries';
import { request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => request('listAssessments', {}), 'list');
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('home.heading')}</h1>
        <a className="button button-primary" href={href({ screen: 'new' })}>
          {t('home.new')}
        </a>
      </div>
      {list.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {list.kind === 'error' && <ErrorMessage error={list.error} />}
      {list.kind === 'ready' && list.data.length === 0 && (
        <div className="empty-state">
          <h2>{t('home.emptyTitle')}</h2>
          <p>{t('home.emptyBody')}</p>
          <a className="button button-primary" href={href({ screen: 'new' })}>
            {t('home.new')}
          </a>
          <p className="muted">{t('app.offline')}</p>
        </div>
      )}
      {list.kind === 'ready' && list.data.length > 0 && (
        <>
          <p className="muted">{t('home.count', { count: list.data.length })}</p>
          <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('home.columns.title')}</th>
                <th scope="col">{t('home.columns.country')}</th>
                <th scope="col">{t('home.columns.mode')}</th>
                <th scope="col">{t('home.columns.status')}</th>
                <th scope="col">{t('home.columns.updated')}</th>
                <th scope="col">
                  <span className="sr-only">{t('home.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((assessment) => (
                <tr key={assessment.id}>
                  <td>
                    <a href={href({ screen: 'assessment', id: assessment.id, view: 'rate' })}>{assessment.title}</a>
                  </td>
                  <td>{countryName(assessment.country, i18n.language)}</td>
                  <td>{t(`mode.${assessment.mode}`)}</td>
                  <td>{t(`status.${assessment.status}`)}</td>
                  <td>{dateFormat.format(new Date(assessment.updatedAt))}</td>
                  <td>
                    {assessment.status === 'final' && (
                      <a className="button button-small" href={href({ screen: 'new', baselineId: assessment.id })}>
                        {t('home.followUp')}
                        <span className="sr-only"> — {assessment.title}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </>
      )}
    </div>
  );
}
