import type { TFunction } from 'i18next';
import { indicatorNumber } from '../../core/framework/summary';
import type { Assessment } from '../../core/model/assessment';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import { isRating, levelLabel } from '../format';

const maxLength = 200;
const setupFields = ['title', 'mode', 'scope', 'team', 'period', 'languages', 'targets', 'context'] as const;
type SetupField = (typeof setupFields)[number];
const responseProps = ['rating', 'confidence', 'notes', 'flagged', 'sessionIds', 'attachments', 'attachmentIds', 'merge'] as const;

export interface Describer {
  field: (field: string) => string;
  value: (field: string, value: unknown) => string;
}

/** History field names and values in people's words: "1.1.1 rating", "Session “CSIRT”: notes on 1.1.1", "3 — Established". */
export function describer(framework: Framework, assessment: Assessment, language: string, t: TFunction): Describer {
  const sessionTitle = (id: string) => {
    const found = assessment.sessions.find((s) => s.id === id);
    return found ? found.title || found.date : t('history.deletedSession');
  };
  const capabilityNumber = (capabilityId: string) => {
    for (const [d, domain] of framework.domains.entries()) {
      const c = domain.capabilities.findIndex((x) => x.id === capabilityId);
      if (c >= 0) return `${d + 1}.${c + 1}`;
    }
    return capabilityId;
  };

  const field = (name: string): string => {
    const response = /^response:(.+)\.([A-Za-z]+)$/.exec(name);
    if (response) {
      const [, indicatorId, prop] = response;
      const label = (responseProps as readonly string[]).includes(prop!) ? t(`history.props.${prop as (typeof responseProps)[number]}`) : prop!;
      return t('history.responseField', { number: indicatorNumber(framework, indicatorId!), field: label });
    }
    const session = /^session:([^.:]+)(?:\.input:(.+))?$/.exec(name);
    if (session) {
      const title = sessionTitle(session[1]!);
      return session[2] ? t('history.inputField', { title, number: indicatorNumber(framework, session[2]) }) : t('history.sessionField', { title });
    }
    const setup = /^setup\.(.+)$/.exec(name);
    if (setup) {
      const key = setup[1]!;
      return t('history.setupField', { field: (setupFields as readonly string[]).includes(key) ? t(`history.setupFields.${key as SetupField}`) : key });
    }
    if (name === 'status') return t('history.statusField');
    if (name === 'created') return t('history.createdField');
    if (name === 'framework') return t('history.frameworkField');
    if (name === 'merge.sessions') return t('history.mergeSessions');
    if (name === 'merge.attachments') return t('history.mergeAttachments');
    return name;
  };

  const context = (record: Record<string, unknown>): string => {
    const parts: string[] = [];
    const donors = (record.donorSupport ?? {}) as Record<string, { extent?: number; who?: string }>;
    framework.domains.forEach((domain, i) => {
      const support = donors[domain.id];
      if (!support || (!support.extent && !support.who)) return;
      const extent = t(`setup.scale.donor${(support.extent ?? 0) as 0 | 1 | 2 | 3}`);
      parts.push(`${i + 1}. ${pickText(domain.shortTitle ?? domain.title, language)}: ${extent}${support.who ? ` (${support.who})` : ''}`);
    });
    for (const factor of ['japaneseBusinessPresence', 'networkNodeImportance', 'absorptiveCapacity'] as const) {
      const value = record[factor];
      if (typeof value === 'number') parts.push(`${t(`setup.context.${factor}`)}: ${t(`setup.scale.level${value as 0 | 1 | 2 | 3}`)}`);
    }
    if (typeof record.notes === 'string' && record.notes) parts.push(record.notes);
    return parts.join('; ') || '—';
  };

  const value = (name: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return '—';
    if (name === 'status' && typeof raw === 'string' && ['draft', 'in-review', 'final'].includes(raw)) return t(`status.${raw as 'draft'}`);
    if (isRating(raw)) {
      if (raw.kind === 'level') return levelLabel(framework, raw.level, language);
      if (raw.kind === 'notApplicable') return t('assess.naWithReason', { reason: raw.reason });
      return t('assess.unknown');
    }
    if (typeof raw === 'boolean') return raw ? t('history.yes') : t('history.no');
    if (typeof raw === 'number') return String(raw);
    if (typeof raw === 'string') {
      if (name.endsWith('.confidence') && ['low', 'medium', 'high'].includes(raw)) return t(`confidence.${raw as 'low'}`);
      if (name === 'setup.mode' && (raw === 'field' || raw === 'self')) return t(`mode.${raw}`);
      return clip(raw);
    }
    if (Array.isArray(raw)) {
      if (name.endsWith('.sessionIds')) return clip(raw.map((id) => sessionTitle(String(id))).join(', ')) || '—';
      if (raw.every((v) => typeof v === 'string')) return clip(raw.join(', ')) || '—';
      return clip(raw.map((v) => value('', v)).join('; ')) || '—';
    }
    if (typeof raw === 'object') {
      const record = raw as Record<string, unknown>;
      if (name === 'setup.context') return clip(context(record));
      if (name === 'setup.targets') return clip(Object.entries(record).map(([id, level]) => `${capabilityNumber(id)}: ${String(level)}`).join(', ')) || '—';
      if (name === 'setup.period') return record.from || record.to ? `${String(record.from ?? '…')} – ${String(record.to ?? '…')}` : '—';
      if (name === 'created' && typeof record.title === 'string') return record.title;
      if (name === 'framework' && typeof record.version === 'string') return clip(frameworkMove(record, record.version));
      if (name.endsWith('.merge')) return clip(merge(record));
      if (name.startsWith('merge.') && typeof record.left === 'number' && typeof record.right === 'number') return `${record.left} + ${record.right}`;
      if (name === 'setup.scope' && typeof record.kind === 'string') {
        const kind = t(`setup.scope.${record.kind as 'national'}`);
        return record.name ? `${kind}: ${String(record.name)}` : kind;
      }
      if (typeof record.fileName === 'string') return record.fileName;
      if (typeof record.note === 'string') return clip(`${typeof record.level === 'number' ? `[${record.level}] ` : ''}${record.note}`);
      if (typeof record.title === 'string' && typeof record.date === 'string') return clip(`${record.title} (${record.date})`);
      if (typeof record.name === 'string') return clip(typeof record.role === 'string' && record.role ? `${record.name} (${record.role})` : record.name);
    }
    return clip(JSON.stringify(raw));
  };

  /** A move's outcome; dropped indicators are named with the rating they had (their ids: they are not in this framework any more). */
  const frameworkMove = (record: Record<string, unknown>, version: string): string => {
    const counts = record.counts as Record<string, number> | undefined;
    if (!counts) return version;
    const dropped = Array.isArray(record.dropped) ? (record.dropped as Array<{ indicatorId: string; rating: unknown }>) : [];
    const summary = t('history.frameworkMoved', { version, kept: counts.kept ?? 0, flagged: counts.flagged ?? 0, added: counts.added ?? 0, dropped: counts.dropped ?? 0 });
    if (dropped.length === 0) return summary;
    return `${summary}; ${t('history.frameworkDropped', { list: dropped.map((d) => `${d.indicatorId} (${value('', d.rating)})`).join(', ') })}`;
  };

  /** A merge entry: both sources' ratings (from), or the rating kept and where it came from (to). */
  const merge = (record: Record<string, unknown>): string => {
    const side = (s: unknown) => (s ?? {}) as { title?: string; rating?: unknown };
    if (record.left !== undefined || record.right !== undefined) {
      const [l, r] = [side(record.left), side(record.right)];
      return t('history.mergeSides', { left: l.title ?? '', leftRating: value('', l.rating), right: r.title ?? '', rightRating: value('', r.rating) });
    }
    const rating = value('', record.rating);
    return record.take === 'new' ? t('history.mergeNew', { rating }) : t('history.mergeTaken', { rating, title: String(record.title ?? '') });
  };

  return { field, value };
}

function clip(text: string): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
