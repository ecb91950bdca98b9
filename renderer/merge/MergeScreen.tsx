import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { IndicatorComparison, IndicatorSide, MergeSource } from '../../core/merge/compare';
import { indicatorNumber, indicatorPlaces } from '../../core/framework/summary';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import { request, ApiFailure } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { lastAssessor, storeAssessor } from '../hooks/useAssessor';
import { useLoad } from '../hooks/useLoad';
import { navigate } from '../route';
import { loadPair, PairError, useRatingLabel, type PairData } from './shared';
import './merge.css';

const levels = [1, 2, 3, 4, 5] as const;

interface Choice {
  take?: 'left' | 'right' | 'new';
  level?: number;
  reason: string;
  keepBoth: boolean;
}

function resolved(comparison: IndicatorComparison, choice: Choice | undefined): boolean {
  if (!choice?.take) return false;
  if (choice.take === 'new' && choice.level === undefined) return false;
  return !comparison.reasonRequired || choice.reason.trim() !== '';
}

export function MergeScreen({ leftId, rightId }: { leftId: string; rightId: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => loadPair(leftId, rightId), `${leftId}/${rightId}`);
  return (
    <div className="page merge-page">
      <h1>{t('merge.heading')}</h1>
      {loaded.kind === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {loaded.kind === 'error' && <PairError error={loaded.error} />}
      {loaded.kind === 'ready' && <MergeForm data={loaded.data} />}
    </div>
  );
}

function MergeForm({ data }: { data: PairData }) {
  const { t, i18n } = useTranslation();
  const { preview, framework } = data;
  const ratingLabel = useRatingLabel(framework);
  const [title, setTitle] = useState(() => t('merge.defaultTitle', { left: preview.left.title, right: preview.right.title }).slice(0, 200));
  const [by, setBy] = useState(lastAssessor);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const differences = preview.indicators.filter((c) => c.status === 'differ');
  const taken = preview.indicators.filter((c) => c.status !== 'differ');
  const open = differences.filter((c) => !resolved(c, choices[c.indicatorId])).length;
  const question = questionsOf(framework, i18n.language);
  const update = (indicatorId: string, change: Partial<Choice>) =>
    setChoices((current) => ({ ...current, [indicatorId]: { reason: '', keepBoth: true, ...current[indicatorId], ...change } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (open > 0 || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const merged = await request('mergeAssessments', {
        leftId: preview.left.id,
        rightId: preview.right.id,
        title,
        ...(by.trim() ? { by: by.trim() } : {}),
        choices: Object.fromEntries(
          differences.map((c) => {
            const choice = choices[c.indicatorId]!;
            const take = choice.take!;
            const notes = choice.keepBoth ? 'both' : take === 'right' ? 'right' : 'left';
            const reason = choice.reason.trim();
            return [
              c.indicatorId,
              { take, notes, ...(take === 'new' ? { rating: { kind: 'level' as const, level: choice.level! } } : {}), ...(reason ? { reason } : {}) },
            ];
          }),
        ),
      });
      storeAssessor(merged.id, by.trim());
      navigate({ screen: 'assessment', id: merged.id, view: 'rate' });
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.error : { code: 'INTERNAL', message: String(failure) });
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p className="muted">{t('merge.intro')}</p>
      <Sources left={preview.left} right={preview.right} />
      <dl className="merge-counts">
        <div>
          <dt>{t('merge.counts.agree')}</dt>
          <dd>{preview.counts.agree}</dd>
        </div>
        <div>
          <dt>{t('merge.counts.oneSide')}</dt>
          <dd>{preview.counts.leftOnly + preview.counts.rightOnly}</dd>
        </div>
        <div>
          <dt>{t('merge.counts.differ')}</dt>
          <dd>{preview.counts.differ}</dd>
        </div>
        <div>
          <dt>{t('merge.counts.sessions')}</dt>
          <dd>{preview.sessions.united}</dd>
        </div>
        <div>
          <dt>{t('merge.counts.attachments')}</dt>
          <dd>{preview.attachments.united}</dd>
        </div>
      </dl>

      {taken.length > 0 && (
        <details className="merge-taken">
          <summary>{t('merge.taken', { count: taken.length })}</summary>
          <ul>
            {taken.map((c) => (
              <li key={c.indicatorId}>
                <strong>{indicatorNumber(framework, c.indicatorId)}</strong> {question(c.indicatorId)} —{' '}
                {ratingLabel((c.left ?? c.right)!.rating)}{' '}
                <span className="muted">
                  ({c.status === 'agree' ? t('merge.both') : c.status === 'leftOnly' ? t('merge.onlyLeft', { title: preview.left.title }) : t('merge.onlyRight', { title: preview.right.title })})
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}

      <div className="merge-progress-bar">
        <h2>{t('merge.differences')}</h2>
        <p role="status" className={open > 0 ? 'merge-progress merge-progress-open' : 'merge-progress'}>
          {open > 0 ? t('merge.unresolved', { count: open, total: differences.length }) : t('merge.resolved', { total: differences.length })}
        </p>
      </div>
      <p className="notice">{t('merge.rule')}</p>

      {differences.map((c) => (
        <Difference
          key={c.indicatorId}
          comparison={c}
          number={indicatorNumber(framework, c.indicatorId)}
          question={question(c.indicatorId)}
          left={preview.left}
          right={preview.right}
          framework={framework}
          choice={choices[c.indicatorId]}
          onChange={(change) => update(c.indicatorId, change)}
        />
      ))}

      <div className="field">
        <label htmlFor="merge-title">{t('merge.title')}</label>
        <input id="merge-title" value={title} maxLength={200} required onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="merge-by">{t('create.youLabel')}</label>
        <input id="merge-by" value={by} maxLength={200} autoComplete="name" aria-describedby="merge-by-hint" onChange={(event) => setBy(event.target.value)} />
        <p id="merge-by-hint" className="field-hint">
          {t('merge.byHint')}
        </p>
      </div>
      {error && <ErrorMessage error={error} />}
      <div className="merge-actions">
        <button type="submit" className="button button-primary" disabled={open > 0 || busy || title.trim() === ''} aria-describedby={open > 0 ? 'merge-create-hint' : undefined}>
          {busy ? t('merge.creating') : t('merge.create')}
        </button>
        {open > 0 && (
          <span id="merge-create-hint" className="field-hint">
            {t('merge.createHint')}
          </span>
        )}
      </div>
    </form>
  );
}

function questionsOf(framework: Framework, language: string) {
  const byId = new Map(indicatorPlaces(framework).map((p) => [p.indicator.id, p.indicator]));
  return (indicatorId: string) => {
    const indicator = byId.get(indicatorId);
    return indicator ? pickText(indicator.question, language) : indicatorId;
  };
}

function Sources({ left, right }: { left: MergeSource; right: MergeSource }) {
  const { t } = useTranslation();
  return (
    <div className="merge-sources" aria-label={t('merge.sources')} role="group">
      {[left, right].map((source, i) => (
        <p key={source.id}>
          <span className="merge-side-tag">{i === 0 ? t('merge.left') : t('merge.right')}</span> <strong>{source.title}</strong> <span className="muted">{t(`mode.${source.mode}`)}</span>
        </p>
      ))}
    </div>
  );
}

interface DifferenceProps {
  comparison: IndicatorComparison;
  number: string;
  question: string;
  left: MergeSource;
  right: MergeSource;
  framework: Framework;
  choice: Choice | undefined;
  onChange: (change: Partial<Choice>) => void;
}

function Difference({ comparison, number, question, left, right, framework, choice, onChange }: DifferenceProps) {
  const { t } = useTranslation();
  const ratingLabel = useRatingLabel(framework);
  const id = `merge-${comparison.indicatorId.replace(/[^a-z0-9-]/gi, '-')}`;
  const distance = comparison.levelDistance;
  const reasonMissing = comparison.reasonRequired && choice?.take !== undefined && choice.reason.trim() === '';
  const done = resolved(comparison, choice);
  return (
    <section className={done ? 'merge-difference merge-difference-done' : 'merge-difference'} aria-labelledby={`${id}-heading`} data-indicator={comparison.indicatorId}>
      <h3 id={`${id}-heading`}>
        {number} {question}
      </h3>
      <p className="muted">{distance === null ? t('merge.notComparable') : t('merge.apart', { count: distance })}</p>
      <div className="merge-sides">
        <Side tag={t('merge.left')} source={left} side={comparison.left!} rating={ratingLabel(comparison.left?.rating)} />
        <Side tag={t('merge.right')} source={right} side={comparison.right!} rating={ratingLabel(comparison.right?.rating)} />
      </div>
      <fieldset className="field merge-take">
        <legend>{t('merge.take')}</legend>
        {(['left', 'right'] as const).map((take) => (
          <label key={take} className="choice">
            <input type="radio" name={`${id}-take`} value={take} checked={choice?.take === take} onChange={() => onChange({ take })} />{' '}
            {t('merge.takeSide', { title: (take === 'left' ? left : right).title, rating: ratingLabel(comparison[take]?.rating) })}
          </label>
        ))}
        <label className="choice">
          <input type="radio" name={`${id}-take`} value="new" checked={choice?.take === 'new'} onChange={() => onChange({ take: 'new' })} /> {t('merge.takeNew')}
        </label>
        {choice?.take === 'new' && (
          <div className="field-compact merge-new-level">
            <label htmlFor={`${id}-level`}>{t('merge.newLevel')}</label>
            <select id={`${id}-level`} value={choice.level ?? ''} onChange={(event) => onChange({ level: event.target.value === '' ? undefined : Number(event.target.value) })}>
              <option value="">{t('merge.chooseLevel')}</option>
              {levels.map((level) => (
                <option key={level} value={level}>
                  {ratingLabel({ kind: 'level', level })}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{comparison.reasonRequired ? t('merge.reasonRequired', { count: distance ?? 0 }) : t('merge.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={2000}
          required={comparison.reasonRequired}
          aria-invalid={reasonMissing || undefined}
          aria-describedby={reasonMissing ? `${id}-reason-error` : undefined}
          value={choice?.reason ?? ''}
          onChange={(event) => onChange({ reason: event.target.value })}
        />
        {reasonMissing && (
          <p id={`${id}-reason-error`} className="field-error">
            {t('merge.reasonMissing')}
          </p>
        )}
      </div>
      <label className="choice">
        <input type="checkbox" checked={choice?.keepBoth ?? true} onChange={(event) => onChange({ keepBoth: event.target.checked })} /> {t('merge.keepBothNotes')}
      </label>
    </section>
  );
}

function Side({ tag, source, side, rating }: { tag: string; source: MergeSource; side: IndicatorSide; rating: string }) {
  const { t } = useTranslation();
  return (
    <div className="merge-side">
      <p className="merge-side-head">
        <span className="merge-side-tag">{tag}</span> {source.title}
      </p>
      <p className="merge-rating">{rating}</p>
      <p className="muted">{side.confidence ? t('merge.confidence', { value: t(`confidence.${side.confidence}`) }) : t('merge.noConfidence')}</p>
      <p className="merge-notes">{side.notes.trim() === '' ? <span className="muted">{t('merge.noNotes')}</span> : side.notes}</p>
    </div>
  );
}
