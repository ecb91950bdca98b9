import { fmtCount, fmtDate } from '../format';
import type { BuildContext } from '../build-context';
import { cell, muted, plain } from '../cells';
import type { Block } from '../document';
import { userText } from '../document';
import { shownOrganisations } from '../redact';

/**
 * Full report: sessions by date, cluster and size. Organisations (and titles, which often name
 * them) appear only for attributable sessions and never in a redacted export.
 */
export function sessionsSection(ctx: BuildContext): Block[] {
  const { L, assessment, input } = ctx;
  const heading: Block = { kind: 'heading', level: 2, text: L.t('sessions.heading') };
  if (assessment.sessions.length === 0) return [heading, { kind: 'paragraph', text: L.t('sessions.none'), tone: 'muted' }];
  const sessions = [...assessment.sessions].sort((a, b) => a.date.localeCompare(b.date));
  const total = sessions.reduce((sum, s) => sum + s.participants, 0);
  return [
    heading,
    { kind: 'paragraph', text: L.t('sessions.intro', { count: sessions.length, participants: total }), tone: 'muted' },
    {
      kind: 'table',
      columns: [
        { header: L.t('sessions.date'), width: 16 },
        { header: L.t('sessions.cluster'), width: 26 },
        { header: L.t('sessions.participants'), width: 14, numeric: true },
        { header: L.t('sessions.organisations'), width: 44 },
      ],
      rows: sessions.map((session) => {
        const organisations = shownOrganisations(session, input.redact);
        const showTitle = !input.redact && !session.nonAttributable && session.title.trim() !== '';
        return [
          cell(L.each((l) => fmtDate(session.date, l))),
          cell(L.t(`cluster.${session.cluster}`), showTitle ? muted(userText(session.title)) : null),
          { ...cell(plain(fmtCount(session.participants, L.primary))), numeric: true },
          session.nonAttributable
            ? cell(muted(L.t('sessions.nonAttributable')))
            : cell(organisations ? userText(organisations) : input.redact ? muted(L.t('sessions.withheld')) : muted(L.t('notStated'))),
        ];
      }),
    },
  ];
}
