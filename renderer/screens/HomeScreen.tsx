import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../core/model/countries';
import { request } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useBundleDrop } from '../exchange/BundlePicker';
import { openForImport, readBundleFile } from '../exchange/pending';
import { useLoad } from '../hooks/useLoad';
import { PairBar, PairCheckbox, usePair } from '../merge/PairBar';
import { href } from '../route';

export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => request('listAssessments', {}), 'list');
  const pair = usePair();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const drop = useBundleDrop(openForImport);
  const picker = useRef<HTMLInputElement>(null);

  return (
    <div className="page" data-drop-active={drop.active} {...drop.handlers}>
      <div className="page-head">
        <h1>{t('home.heading')}</h1>
        <div className="home-import">
          <a className="button button-primary" href={href({ screen: 'new' })}>
            {t('home.new')}
          </a>
          <button type="button" className="button" aria-describedby="home-import-hint" onClick={() => picker.current?.click()}>
            {t('home.import')}
          </button>
          <input
            ref={picker}
            type="file"
            accept=".ccat,application/vnd.ccat.bundle"
            hidden
            aria-label={t('home.import')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void readBundleFile(file).then(openForImport);
            }}
          />
        </div>
      </div>
      <p id="home-import-hint" className={drop.active ? 'drop-zone' : 'field-hint'} data-active={drop.active}>
        {drop.active ? t('home.dropNow') : t('home.importHint')}
      </p>
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
          <PairBar assessments={list.data} picked={pair.picked} />
          <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">{t('merge.selectColumn')}</span>
                </th>
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
                    <PairCheckbox assessment={assessment} {...pair} />
                  </td>
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
