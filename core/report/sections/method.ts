import { pickText } from '../../model/pick-text';
import type { BuildContext } from '../build-context';
import type { Block } from '../document';

/** The method of design §4, stated plainly in every report, with the Basic Policy mapping of domains 1 and 2. */
export function methodSection(ctx: BuildContext): Block[] {
  const { L, input } = ctx;
  const levels = (language: string) => input.framework.levels.map((l) => `${l.level} ${pickText(l.name, language)}`).join(', ');
  return [
    { kind: 'heading', level: 2, text: L.t('method.heading') },
    {
      kind: 'list',
      items: [
        L.t('method.levels', (l) => ({ levels: levels(l) })),
        L.t('method.excluded'),
        L.t('method.mean'),
        L.t('method.overall', () => ({ count: input.framework.domains.length })),
        L.t('method.weakest'),
        L.t('method.target'),
        L.t('method.gap'),
        L.t('method.priority'),
        L.t('method.plan'),
      ],
    },
    { kind: 'paragraph', text: L.t('method.policy') },
    ...(input.framework.scopeNote === undefined
      ? []
      : [{ kind: 'heading', level: 3, text: L.t('method.scopeHeading') } as const, { kind: 'paragraph', text: L.text(input.framework.scopeNote) } as const]),
    {
      kind: 'paragraph',
      tone: 'muted',
      text: L.t('method.version', (l) => ({
        scoring: input.scores.method,
        planning: input.plan.method,
        framework: `${pickText(input.framework.title, l)} ${input.framework.version}`,
      })),
    },
  ];
}
