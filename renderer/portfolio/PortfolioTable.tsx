import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../core/model/countries';
import { groupByCountry } from '../../core/portfolio/portfolio';
import type { PortfolioColumn, PortfolioRow } from '../../core/portfolio/types';
import { href } from '../route';
import type { Sort } from './query';
import { fixed, fixedOr } from '../numbers';

export interface DomainColumn {
  id: string;
  short: string;
  label: string;
}

/** Names of the capabilities whose gaps a row lists, from the framework its domain columns come from. */
export type CapabilityName = (capabilityId: string) => string;

/** Rows drawn at first and per "show more": 1,000 rows at once would be a wall no one reads, and slow to draw. */
const step = 100;

const score = (value: number | null | undefined) => fixedOr(value, 2);

function SortHeader({ column, label, sort, onSort, className }: { column: PortfolioColumn; label: string; sort: Sort; onSort: (column: PortfolioColumn) => void; className?: string }) {
  const { t } = useTranslation();
  const active = sort.column === column;
  const direction = sort.direction === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={active ? direction : 'none'} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
        <span className="sr-only">{active ? t(`portfolio.sorted.${direction}`) : t('portfolio.sortable')}</span>
      </button>
    </th>
  );
}

export function PortfolioTable({
  rows,
  grouped,
  sort,
  onSort,
  domains,
  capabilityName,
  selected,
  onToggle,
  actions,
}: {
  rows: PortfolioRow[];
  grouped: boolean;
  sort: Sort;
  onSort: (column: PortfolioColumn) => void;
  domains: DomainColumn[];
  capabilityName: CapabilityName;
  selected: readonly string[];
  onToggle: (id: string) => void;
  actions: (row: PortfolioRow) => React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(step);
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const months = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const visible = rows.slice(0, shown);
  const byId = new Map(visible.map((r) => [r.id, r]));
  // Each group's count is of every row that matches, also those not drawn yet.
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.country, (totals.get(r.country) ?? 0) + 1);
  const columns = 13 + domains.length;
  const header = (key: PortfolioColumn, label: string, className?: string) => <SortHeader column={key} label={label} sort={sort} onSort={onSort} {...(className ? { className } : {})} />;

  const row = (a: PortfolioRow) => (
    <tr key={a.id} className={selected.includes(a.id) ? 'row-selected' : undefined}>
      <td>
        <input type="checkbox" className="pair-checkbox" checked={selected.includes(a.id)} onChange={() => onToggle(a.id)} aria-label={t('merge.select', { title: a.title })} />
      </td>
      <td>{countryName(a.country, i18n.language)}</td>
      <td className="portfolio-title">
        <a href={href({ screen: 'assessment', id: a.id, view: 'rate' })}>{a.title}</a>
      </td>
      <td className="nowrap wide-only" title={t(`mode.${a.mode}`)}>
        {t(`portfolio.modeShort.${a.mode}`)}
      </td>
      <td>{t(`status.${a.status}`)}</td>
      <td className="nowrap wide-only" title={a.period.from ? `${a.period.from} – ${a.period.to ?? ''}` : undefined}>
        {a.period.from ? months.format(new Date(a.period.from)) : '–'}
      </td>
      <td className="wide-only">{a.frameworkVersion}</td>
      <td className="num wide-only">{a.coverage ? `${a.coverage.rated} / ${a.coverage.total}` : '–'}</td>
      <td className="num strong">{score(a.overall)}</td>
      {domains.map((d) => (
        <td key={d.id} className="num wide-only">
          {score(a.domains[d.id])}
        </td>
      ))}
      <td className="portfolio-gaps wide-only">
        {a.gaps.length === 0 ? (
          '–'
        ) : (
          <ul>
            {a.gaps.slice(0, 2).map((g) => (
              <li key={g.capabilityId}>
                {capabilityName(g.capabilityId)} <span className="muted">−{fixed(g.gap, 1)}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className="nowrap wide-only">{dates.format(new Date(a.updatedAt))}</td>
      <td className="portfolio-signer wide-only">{a.signer ? <span title={a.signer.fingerprint}>{a.signer.installation}</span> : <span className="muted">{t('portfolio.madeHere')}</span>}</td>
      <td className="row-actions">{actions(a)}</td>
    </tr>
  );

  return (
    <>
      <div className="table-scroll">
        <table className="data-table portfolio-table">
          <caption className="sr-only">{t('portfolio.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">{t('merge.selectColumn')}</span>
              </th>
              {header('country', t('home.columns.country'))}
              {header('title', t('home.columns.title'))}
              {header('mode', t('home.columns.mode'), 'wide-only')}
              {header('status', t('home.columns.status'))}
              {header('period', t('portfolio.columns.period'), 'wide-only')}
              {header('frameworkVersion', t('portfolio.columns.framework'), 'wide-only')}
              {header('coverage', t('portfolio.columns.coverage'), 'num wide-only')}
              {header('overall', t('portfolio.columns.overall'), 'num')}
              {domains.map((d) => (
                <SortHeader key={d.id} column={`domain:${d.id}`} label={d.short} sort={sort} onSort={onSort} className="num wide-only" />
              ))}
              {header('gap', t('portfolio.columns.gaps'), 'wide-only')}
              {header('updatedAt', t('portfolio.columns.updated'), 'wide-only')}
              {header('signer', t('portfolio.columns.signer'), 'wide-only')}
              <th scope="col">
                <span className="sr-only">{t('home.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          {grouped ? (
            groupByCountry(visible).map((group) => (
              <tbody key={group.country}>
                <tr className="group-row">
                  <th scope="colgroup" colSpan={columns}>
                    <span>{countryName(group.country, i18n.language)}</span>
                    <span className="muted"> · {t('home.count', { count: totals.get(group.country) ?? 0 })}</span>
                    <a className="button button-small" href={href({ screen: 'trend', country: group.country })}>
                      {t('portfolio.trendOf', { country: countryName(group.country, i18n.language) })}
                    </a>
                  </th>
                </tr>
                {group.ids.map((id) => row(byId.get(id)!))}
              </tbody>
            ))
          ) : (
            <tbody>{visible.map(row)}</tbody>
          )}
        </table>
      </div>
      {domains.length > 0 && (
        <p className="muted portfolio-legend">
          {domains.map((d) => `${d.short}: ${d.label}`).join(' · ')}
        </p>
      )}
      {rows.length > shown && (
        <p className="portfolio-more">
          <span className="muted">{t('portfolio.showing', { shown, total: rows.length })}</span>{' '}
          <button type="button" className="button button-small" onClick={() => setShown(shown + step)}>
            {t('portfolio.showMore', { count: Math.min(step, rows.length - shown) })}
          </button>{' '}
          <button type="button" className="button button-small button-quiet" onClick={() => setShown(rows.length)}>
            {t('portfolio.showAll', { count: rows.length })}
          </button>
        </p>
      )}
    </>
  );
}
