import { ASSESSMENT_SCHEMA_VERSION, emptyPlan, type Assessment, type TeamMember } from '../../model/assessment';
import { CoreError } from '../result';
import { changed, defaultAuthor, loggedRecently, mergeFields, type EditContext } from '../editing';
import { flatten, setPath, type Flat } from '../field-paths';
import type { ApiHandlers } from '../dispatch';
import type { HandlerContext } from './services';

const typedSetupFields = new Set(['title', 'scope', 'context']);
const maxTeam = 50;

type Handlers = Pick<
  ApiHandlers,
  'listAssessments' | 'createAssessment' | 'getAssessment' | 'updateSetup' | 'addTeamMember' | 'updateTeamMember' | 'removeTeamMember' | 'finalizeAssessment' | 'reopenAssessment'
>;

/** Where the member a client saw at `index` is now: there still, or moved by a removal elsewhere; -1 when changed or gone. */
function locateMember(team: readonly TeamMember[], index: number, seen: TeamMember): number {
  if (team[index] && !changed(team[index], seen)) return index;
  return team.findIndex((m) => !changed(m, seen));
}

/** Values with parts (context, targets) are compared part by part: see field-paths. */
const nestedSetupFields = ['context', 'targets'] as const;
type SetupValues = Partial<Pick<Assessment, 'title' | 'mode' | 'scope' | 'period' | 'languages' | 'targets' | 'context'>>;

function mergeSetup(current: Assessment, base: SetupValues, patch: SetupValues): SetupValues {
  const flat = (from: SetupValues, keys: string[]) => Object.assign({}, ...keys.map((key) => flatten(from[key as keyof SetupValues], key))) as Flat;
  const nested = Object.keys(patch).filter((key) => (nestedSetupFields as readonly string[]).includes(key));
  const plain = Object.fromEntries(Object.entries(patch).filter(([key]) => !nested.includes(key)));
  const seen = flat(base, nested);
  const yours = flat(patch, nested);
  // A part the client removed (a target set back to the default) is a change to undefined.
  for (const path of Object.keys(seen)) if (!Object.hasOwn(yours, path)) yours[path] = undefined;
  const merged = mergeFields('The setup', { ...current, ...flat(current, nested) } as Flat, { ...base, ...seen } as Flat, { ...plain, ...yours });
  const values: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(merged)) {
    const [field, ...inner] = path.split('/') as [string, ...string[]];
    values[field] = inner.length === 0 ? value : setPath(values[field] ?? current[field as keyof Assessment], inner, value);
  }
  return values as SetupValues;
}

function teamChange(current: Assessment, team: TeamMember[]) {
  return { next: { ...current, team }, result: { revision: current.revision + 1, team } };
}

function unchangedTeam(current: Assessment) {
  return { next: current, result: { revision: current.revision, team: current.team } };
}

function logTeam(current: Assessment, edit: EditContext, from: TeamMember | null, to: TeamMember | null): void {
  // Names are typed like notes: one entry per few minutes per author, but every add and removal.
  if (from && to && loggedRecently(current.history, 'setup.team', edit.by, edit.at)) return;
  edit.log('setup.team', from, to);
}

export function assessmentHandlers(ctx: HandlerContext): Handlers {
  const { store, library } = ctx;
  return {
    // Archived and trashed assessments are listed only by listPortfolio, when asked for.
    listAssessments: async () => {
      const shelved = store.shelf();
      return (await store.list()).filter((entry) => !shelved.has(entry.id));
    },

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

    updateSetup: ({ id, patch, base, by }) =>
      ctx.edit(id, by, (current, edit) => {
        const next: Assessment = { ...current };
        if (patch.targets) {
          const known = new Set(library.get(current.frameworkId, current.frameworkVersion).domains.flatMap((d) => d.capabilities.map((c) => c.id)));
          const unknown = Object.keys(patch.targets).filter((capabilityId) => !known.has(capabilityId));
          if (unknown.length > 0) throw new CoreError('INVALID_INPUT', `patch.targets: unknown capability ${unknown.join(', ')}`);
        }
        const values = mergeSetup(current, base, patch);
        for (const key of ['title', 'mode', 'scope', 'period', 'languages', 'targets', 'context'] as const) {
          const value = values[key];
          if (value === undefined || !changed(current[key], value)) continue;
          // Fields with typed text are saved as the user types; log them like notes, not per keystroke burst.
          const typed = typedSetupFields.has(key) && loggedRecently(current.history, `setup.${key}`, edit.by, edit.at);
          if (!typed) edit.log(`setup.${key}`, current[key], value);
          Object.assign(next, { [key]: value });
        }
        return { next, result: next };
      }).then(() => store.get(id)),

    addTeamMember: ({ id, member, by }) =>
      ctx.edit(id, by, (current, edit) => {
        // Adding the same person twice (a retried save, or two windows) keeps one entry.
        if (current.team.some((m) => !changed(m, member))) return unchangedTeam(current);
        if (current.team.length >= maxTeam) throw new CoreError('INVALID_INPUT', `member: a team has at most ${maxTeam} members.`);
        logTeam(current, edit, null, member);
        return teamChange(current, [...current.team, member]);
      }),

    updateTeamMember: ({ id, index, base, patch, by }) =>
      ctx.edit(id, by, (current, edit) => {
        const wanted: TeamMember = { ...base, ...patch };
        const located = locateMember(current.team, index, base);
        if (located < 0 && current.team.some((m) => !changed(m, wanted))) return unchangedTeam(current);
        // Not where the client saw it: the member at that place was changed elsewhere, so a
        // different field still merges and the same field is refused below.
        const at = located < 0 ? index : located;
        if (!current.team[at]) throw new CoreError('CONFLICT', `Team member ${index + 1} was removed elsewhere.`, { conflicts: [{ field: 'name', stored: null, yours: wanted }] });
        const before = current.team[at]!;
        const after: TeamMember = { ...before, ...mergeFields(`Team member ${at + 1}`, before, base, wanted) };
        if (!changed(before, after)) return unchangedTeam(current);
        logTeam(current, edit, before, after);
        return teamChange(current, current.team.map((m, i) => (i === at ? after : m)));
      }),

    removeTeamMember: ({ id, index, member, by }) =>
      ctx.edit(id, by, (current, edit) => {
        const at = locateMember(current.team, index, member);
        // Gone already, or changed elsewhere: removing it now would drop someone else's edit.
        if (at < 0) return unchangedTeam(current);
        logTeam(current, edit, member, null);
        return teamChange(current, current.team.filter((_, i) => i !== at));
      }),

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
