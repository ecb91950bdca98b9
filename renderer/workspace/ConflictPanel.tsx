import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldConflict } from '../../core/api/editing';
import type { Choice, PendingConflict, SaveOp } from '../hooks/useAutosave';
import { fieldValue } from '../hooks/useAutosave';
import { describer, type Describer } from '../history/describe';
import { pickText } from '../../core/model/pick-text';
import { useWorkspace } from './context';

const itemFields = ['name', 'role', 'title', 'date', 'cluster', 'participants', 'organisations', 'nonAttributable', 'notes', 'note', 'level', 'donorSupport', 'extent', 'who'] as const;

/** The history's name for what an op changes, so a conflict is labelled in the same words as the history. */
function historyName(op: SaveOp, field: string): string {
  switch (op.kind) {
    case 'response':
      return `response:${op.indicatorId}.${field}`;
    case 'setup':
      return `setup.${field.split('/')[0]}`;
    case 'input':
      return `session:${op.sessionId}.input:${op.indicatorId}`;
    case 'session':
      return `session:${op.session.sessionId}`;
    case 'member':
      return 'setup.team';
  }
}

/**
 * "Changed elsewhere": each field another window saved while this one was editing it, with both
 * versions in full. The user keeps one or combines them; until then nothing is overwritten.
 */
export function ConflictPanel({ conflicts, onResolve }: { conflicts: PendingConflict[]; onResolve: (key: string, field: string, choice: Choice) => void }) {
  const { t, i18n } = useTranslation();
  const { framework, assessment } = useWorkspace();
  if (conflicts.length === 0) return null;
  const describe = describer(framework, assessment, i18n.language, t);
  const count = conflicts.reduce((n, c) => n + c.fields.length, 0);
  return (
    <section className="conflicts" role="alert" aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">{t('conflict.heading', { count })}</h2>
      <p>{t('conflict.intro')}</p>
      {conflicts.flatMap((c) =>
        c.fields.map((f) => <ConflictItem key={`${c.key}/${f.field}`} conflict={c} field={f} describe={describe} onResolve={(choice) => onResolve(c.key, f.field, choice)} />),
      )}
    </section>
  );
}

/** "notes", or for a part of the setup "Donor support › 3. Cybercrime › who" in the user's words where CCAT has them. */
function usePartLabel(): (field: string) => string {
  const { t, i18n } = useTranslation();
  const { framework } = useWorkspace();
  const factors = ['japaneseBusinessPresence', 'networkNodeImportance', 'absorptiveCapacity'];
  return (field) => {
    const parts = field.split('/');
    return parts
      .slice(parts.length > 1 ? 1 : 0)
      .map((part) => {
        if ((itemFields as readonly string[]).includes(part)) return t(`conflict.fields.${part as (typeof itemFields)[number]}`);
        if (factors.includes(part)) return t(`setup.context.${part as 'absorptiveCapacity'}`);
        const domain = framework.domains.find((d) => d.id === part);
        const capability = framework.domains.flatMap((d) => d.capabilities).find((c) => c.id === part);
        const title = domain?.title ?? capability?.title;
        return title ? pickText(title, i18n.language) : part;
      })
      .join(' › ');
  };
}

function ConflictItem({ conflict, field, describe, onResolve }: { conflict: PendingConflict; field: FieldConflict; describe: Describer; onResolve: (choice: Choice) => void }) {
  const { t } = useTranslation();
  const partLabel = usePartLabel();
  const name = historyName(conflict.op, field.field);
  const item = describe.field(name);
  const label = name.endsWith(`.${field.field}`) ? item : t('conflict.fieldOf', { item, field: partLabel(field.field) });
  const yours = fieldValue(conflict.op, field.field) ?? field.yours;
  const texts = typeof yours === 'string' && typeof field.stored === 'string';
  const [combined, setCombined] = useState<string | undefined>();
  const id = `conflict-${conflict.key}-${field.field}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const shown = (value: unknown) => (typeof value === 'string' ? value || '—' : describe.value(name, value));
  return (
    <article className="conflict" aria-labelledby={`${id}-label`}>
      <h3 id={`${id}-label`}>{label}</h3>
      <div className="conflict-versions">
        <div>
          <h4>{t('conflict.yours')}</h4>
          <p className="conflict-text" data-version="yours">
            {shown(yours)}
          </p>
        </div>
        <div>
          <h4>{t('conflict.stored')}</h4>
          <p className="conflict-text" data-version="stored">
            {shown(field.stored)}
          </p>
        </div>
      </div>
      {combined !== undefined && (
        <div className="field">
          <label htmlFor={`${id}-combined`}>{t('conflict.combined')}</label>
          <textarea id={`${id}-combined`} rows={6} value={combined} onChange={(e) => setCombined(e.target.value)} />
        </div>
      )}
      <div className="actions-inline">
        {combined !== undefined ? (
          <>
            <button type="button" className="button button-primary" onClick={() => onResolve({ text: combined })}>
              {t('conflict.saveCombined')}
            </button>
            <button type="button" className="button" onClick={() => setCombined(undefined)}>
              {t('create.cancel')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={() => onResolve({ keep: 'mine' })}>
              {t('conflict.keepMine')}
            </button>
            <button type="button" className="button" onClick={() => onResolve({ keep: 'stored' })}>
              {t('conflict.keepStored')}
            </button>
            {texts && (
              <button type="button" className="button button-primary" onClick={() => setCombined(`${field.stored}\n\n${yours}`)}>
                {t('conflict.combine')}
              </button>
            )}
          </>
        )}
      </div>
    </article>
  );
}
