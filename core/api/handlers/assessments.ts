import { ASSESSMENT_SCHEMA_VERSION, emptyPlan, type Assessment } from '../../model/assessment';
import { CoreError } from '../result';
import { changed, defaultAuthor, loggedRecently } from '../editing';
import type { ApiHandlers } from '../dispatch';
import type { HandlerContext } from './services';

const typedSetupFields = new Set(['title', 'scope', 'team', 'context']);

type Handlers = Pick<ApiHandlers, 'listAssessments' | 'createAssessment' | 'getAssessment' | 'updateSetup' | 'finalizeAssessment' | 'reopenAssessment'>;

export function assessmentHandlers(ctx: HandlerContext): Handlers {
  const { store, library } = ctx;
  return {
    listAssessments: async () => store.list(),

    createAssessment: async (input) => {
      const framework = library.latest(input.frameworkId ?? library.defaultId);
      const baseline = input.baselineId === undefined ? undefined : await store.get(input.baselineId);
      if (baseline && baseline.country !== input.country) {
        throw new CoreError('INVALID_INPUT', `baselineId: the baseline assessment is for ${baseline.country}, not ${input.country}; a follow-up must be of the same country.`);
      }
      const at = ctx.now().toISOString();
      const by = input.by ?? defaultAuthor;
      const assessment: Assessment = {
        schemaVersion: ASSESSMENT_SCHEMA_VERSION,
        id: ctx.newId(),
        revision: 0,
        title: input.title,
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        country: input.country,
        scope: input.scope ?? baseline?.scope ?? { kind: 'national', name: '' },
        mode: input.mode,
        status: 'draft',
        // A follow-up carries over who assessed and the country context, never the ratings.
        team: input.team ?? baseline?.team ?? [],
        period: input.period ?? {},
        languages: input.languages ?? baseline?.languages ?? ['en'],
        context: input.context ?? baseline?.context ?? { donorSupport: {}, notes: '' },
        targets: input.targets ?? {},
        responses: {},
        sessions: [],
        attachments: [],
        plan: emptyPlan(),
        ...(baseline ? { baselineId: baseline.id } : {}),
        history: [{ at, by, field: 'created', from: null, to: baseline ? { title: input.title, baselineId: baseline.id } : input.title }],
        createdAt: at,
        updatedAt: at,
      };
      await store.create(assessment);
      return assessment;
    },

    getAssessment: async ({ id }) => store.get(id),

    updateSetup: ({ id, patch, by }) =>
      ctx.edit(id, by, (current, edit) => {
        const next: Assessment = { ...current };
        if (patch.targets) {
          const known = new Set(library.get(current.frameworkId, current.frameworkVersion).domains.flatMap((d) => d.capabilities.map((c) => c.id)));
          const unknown = Object.keys(patch.targets).filter((capabilityId) => !known.has(capabilityId));
          if (unknown.length > 0) throw new CoreError('INVALID_INPUT', `patch.targets: unknown capability ${unknown.join(', ')}`);
        }
        for (const key of ['title', 'mode', 'scope', 'team', 'period', 'languages', 'targets', 'context'] as const) {
          const value = patch[key];
          if (value === undefined || !changed(current[key], value)) continue;
          // Fields with typed text are saved as the user types; log them like notes, not per keystroke burst.
          const typed = typedSetupFields.has(key) && loggedRecently(current.history, `setup.${key}`, edit.by, edit.at);
          if (!typed) edit.log(`setup.${key}`, current[key], value);
          Object.assign(next, { [key]: value });
        }
        return { next, result: next };
      }).then(() => store.get(id)),

    finalizeAssessment: ({ id, by }) =>
      ctx
        .edit(
          id,
          by,
          (current, edit) => {
            if (current.status === 'final') throw new CoreError('CONFLICT', 'This assessment is already final.');
            const signOff = { by, at: edit.at };
            edit.log('status', current.status, 'final');
            const { reopened: _closed, ...rest } = current;
            void _closed;
            return { next: { ...rest, status: 'final', signOff }, result: undefined };
          },
          { allowFinal: true },
        )
        .then(() => store.get(id)),

    reopenAssessment: ({ id, reason, by }) =>
      ctx
        .edit(
          id,
          by,
          (current, edit) => {
            if (current.status !== 'final') throw new CoreError('CONFLICT', 'Only a final assessment can be reopened.');
            const reopened = { by, at: edit.at, reason };
            edit.log('status', 'final', 'draft', reason);
            return { next: { ...current, status: 'draft', reopened }, result: undefined };
          },
          { allowFinal: true },
        )
        .then(() => store.get(id)),
  };
}
