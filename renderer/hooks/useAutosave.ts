import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommandInput } from '../../core/api/commands';
import type { FieldConflict } from '../../core/api/editing';
import type { ApiError, Result } from '../../core/api/result';
import type { Assessment, InterviewSession, TeamMember } from '../../core/model/assessment';
import { getPath, setPath } from '../../core/api/field-paths';
import { call } from '../api';

export type Patch = CommandInput<'updateResponse'>['patch'];
export type SetupPatch = CommandInput<'updateSetup'>['patch'];
export type SessionFields = Required<CommandInput<'saveSession'>['session']>;
export type InputValue = NonNullable<CommandInput<'updateSessionInput'>['input']>;

/** One pending change. Changes with the same key are merged, so a burst of typing becomes one save. */
export type SaveOp =
  | { kind: 'response'; indicatorId: string; patch: Patch }
  | { kind: 'setup'; patch: SetupPatch }
  | { kind: 'input'; sessionId: string; indicatorId: string; input: InputValue | null }
  | { kind: 'session'; session: SessionFields }
  /** One row of the team editor: `row` is its key on screen, `member` null once removed. */
  | { kind: 'member'; row: number; member: TeamMember | null };

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; error: ApiError };

/** A save the core refused because the same field was changed elsewhere; it waits for the user's choice. */
/** What the user keeps of a field changed in two places: either version, or a text of their own (e.g. both combined). */
export type Choice = { keep: 'mine' } | { keep: 'stored' } | { text: string };

export interface PendingConflict {
  key: string;
  op: SaveOp;
  fields: FieldConflict[];
}

/** Design §5: debounced ≤ 500 ms. */
const debounceMs = 400;
const retryMs = 4000;
/** Errors that a retry cannot fix by itself; the edit stays queued until the user acts. */
const noAutoRetry = new Set(['READ_ONLY', 'INVALID_INPUT', 'NOT_FOUND', 'CONFLICT']);

export function keyOf(op: SaveOp): string {
  switch (op.kind) {
    case 'response':
      return `response:${op.indicatorId}`;
    case 'setup':
      return 'setup';
    case 'input':
      return `input:${op.sessionId}:${op.indicatorId}`;
    case 'session':
      return `session:${op.session.sessionId}`;
    case 'member':
      return `member:${op.row}`;
  }
}

/** `later` wins field by field for patches; whole values are replaced. */
function merge(earlier: SaveOp | undefined, later: SaveOp): SaveOp {
  if (earlier?.kind === 'response' && later.kind === 'response') return { ...later, patch: { ...earlier.patch, ...later.patch } };
  if (earlier?.kind === 'setup' && later.kind === 'setup') return { ...later, patch: { ...earlier.patch, ...later.patch } };
  return later;
}

/** The values an op sets, by the field names the core uses in a CONFLICT answer. */
export function valuesOf(op: SaveOp): Record<string, unknown> {
  switch (op.kind) {
    case 'response':
    case 'setup':
      return { ...op.patch };
    case 'input':
      return { note: op.input?.note ?? '', level: op.input?.level ?? null };
    case 'session': {
      const { sessionId: _id, ...values } = op.session;
      void _id;
      return values;
    }
    case 'member':
      return { ...op.member };
  }
}

/** One field's value; a setup conflict may name a part of a value, e.g. "context/notes". */
export function fieldValue(op: SaveOp, field: string): unknown {
  return getPath(valuesOf(op), field.split('/'));
}

/** `values` (by field or part path) written into a copy of `target`; null (nothing there) removes the part. */
function setFields<T extends object>(target: T, values: Record<string, unknown>): T {
  return Object.entries(values).reduce<T>((at, [field, value]) => setPath(at, field.split('/'), value ?? undefined) as T, target);
}

/** The op with some of its fields set to other values (the user's choice after a conflict). */
export function withValues(op: SaveOp, values: Record<string, unknown>): SaveOp {
  switch (op.kind) {
    case 'response':
      return { ...op, patch: { ...op.patch, ...values } };
    case 'setup':
      return { ...op, patch: setFields(op.patch, values) };
    case 'input': {
      const next = { ...valuesOf(op), ...values } as { note: string; level: number | null };
      return { ...op, input: next.note.trim() === '' && next.level === null ? null : next };
    }
    case 'session':
      return { ...op, session: { ...op.session, ...values } };
    case 'member': {
      // A member removed elsewhere has no stored name: keeping that removes the row here too.
      const member = op.member && { ...op.member, ...values };
      return { ...op, member: typeof member?.name === 'string' ? (member as TeamMember) : null };
    }
  }
}

/**
 * What the core last confirmed, field by field, for the fields this window shows: the base every
 * edit carries. It only learns values this window saved or chose, never other windows' changes
 * that the screen does not show, so a stale screen can never overwrite them unseen.
 */
class Confirmed {
  readonly members = new Map<number, TeamMember>();
  constructor(public assessment: Assessment) {
    assessment.team.forEach((member, row) => this.members.set(row, member));
  }

  baseOf(op: SaveOp): Record<string, unknown> | null {
    const a = this.assessment;
    const pick = (from: Record<string, unknown>, keys: string[], fallback: Record<string, unknown> = {}) => Object.fromEntries(keys.map((k) => [k, from[k] ?? fallback[k] ?? null]));
    switch (op.kind) {
      case 'response':
        return pick({ ...a.responses[op.indicatorId] }, Object.keys(op.patch), { notes: '', flagged: false, sessionIds: [] });
      case 'setup':
        return pick(a, Object.keys(op.patch));
      case 'input': {
        const input = a.sessions.find((s) => s.id === op.sessionId)?.inputs[op.indicatorId];
        return input ? { note: input.note, level: input.level ?? null } : null;
      }
      case 'session': {
        const session = a.sessions.find((s) => s.id === op.session.sessionId);
        return session ? pick(session, Object.keys(valuesOf(op))) : null;
      }
      case 'member':
        return this.members.get(op.row) ?? null;
    }
  }

  /** Records values of `op`'s fields as what the core now holds. */
  learn(op: SaveOp, values: Record<string, unknown>, team?: TeamMember[]): void {
    const a = this.assessment;
    switch (op.kind) {
      case 'response': {
        const before = { notes: '', attachmentIds: [], sessionIds: [], flagged: false, updatedAt: '', updatedBy: '', ...a.responses[op.indicatorId] };
        // null clears a rating or confidence, which the stored response then does not have.
        const next = Object.fromEntries(Object.entries({ ...before, ...values }).filter(([, v]) => v !== null));
        this.assessment = { ...a, responses: { ...a.responses, [op.indicatorId]: next as typeof before } };
        return;
      }
      case 'setup':
        this.assessment = setFields(a, values);
        return;
      case 'input':
      case 'session':
        this.assessment = {
          ...a,
          sessions: a.sessions.map((s) => {
            if (op.kind === 'session' ? s.id !== op.session.sessionId : s.id !== op.sessionId) return s;
            if (op.kind === 'session') return { ...s, ...values };
            const input = { note: '', level: null, ...this.baseOf(op), ...values } as { note: string; level: number | null };
            const { [op.indicatorId]: _old, ...others } = s.inputs;
            void _old;
            if (input.note.trim() === '' && input.level === null) return { ...s, inputs: others };
            return { ...s, inputs: { ...others, [op.indicatorId]: { note: input.note, ...(input.level === null ? {} : { level: input.level }), updatedAt: '', updatedBy: '' } } };
          }),
        };
        return;
      case 'member': {
        const member = op.member && { ...this.members.get(op.row), ...values };
        // Removed elsewhere (no stored name): the next save of this row adds it again.
        if (typeof member?.name === 'string') this.members.set(op.row, member as TeamMember);
        else this.members.delete(op.row);
        if (team) this.assessment = { ...a, team };
        return;
      }
    }
  }

  /** Where the core last had this row's member, for the item-level team commands. */
  indexOf(member: TeamMember): number {
    return Math.max(0, this.assessment.team.findIndex((m) => m.name === member.name && m.role === member.role));
  }

  /** The team editor's rows: saved members with any typing not yet saved (or refused), then new rows. */
  rows(unsaved: readonly SaveOp[]): Array<{ row: number; member: TeamMember }> {
    const typed = new Map<number, TeamMember | null>();
    for (const op of unsaved) if (op.kind === 'member') typed.set(op.row, op.member);
    const rows = [...this.members].map(([row, member]) => ({ row, member: typed.has(row) ? typed.get(row) : member }));
    for (const [row, member] of typed) if (!this.members.has(row)) rows.push({ row, member });
    return rows.filter((r): r is { row: number; member: TeamMember } => r.member !== null && r.member !== undefined);
  }

  sessionCreated(session: InterviewSession): void {
    this.assessment = { ...this.assessment, sessions: [...this.assessment.sessions, session] };
  }

  sessionDeleted(sessionId: string): void {
    this.assessment = { ...this.assessment, sessions: this.assessment.sessions.filter((s) => s.id !== sessionId) };
  }
}

function send(id: string, op: SaveOp, confirmed: Confirmed, by: string | undefined): Promise<Result<unknown>> {
  const base = confirmed.baseOf(op);
  switch (op.kind) {
    case 'response':
      return call('updateResponse', { id, indicatorId: op.indicatorId, patch: op.patch, base: base as Patch, by });
    case 'setup':
      return call('updateSetup', { id, patch: op.patch, base: base as SetupPatch, by });
    case 'input':
      return call('updateSessionInput', { id, sessionId: op.sessionId, indicatorId: op.indicatorId, input: op.input, base: base as InputValue | null, by });
    case 'session':
      return call('saveSession', { id, session: op.session, base: (base ?? undefined) as SessionFields | undefined, by });
    case 'member': {
      const seen = base as TeamMember | null;
      if (!seen && !op.member) return Promise.resolve({ ok: true, data: { team: confirmed.assessment.team } });
      if (!seen) return call('addTeamMember', { id, member: op.member!, by });
      if (!op.member) return call('removeTeamMember', { id, index: confirmed.indexOf(seen), member: seen, by });
      return call('updateTeamMember', { id, index: confirmed.indexOf(seen), base: seen, patch: op.member, by });
    }
  }
}

function conflictsOf(error: ApiError): FieldConflict[] {
  const details = error.details as { conflicts?: FieldConflict[] } | undefined;
  return Array.isArray(details?.conflicts) ? details.conflicts : [];
}

/**
 * Collects edits and saves them shortly after the user stops typing, on blur and before
 * navigation. A failed save keeps the edits queued (and on screen) and retries. A save refused
 * because the same field changed elsewhere is not retried: it waits, with both values, for the
 * user to keep one or combine them (`resolve`), while other fields go on saving.
 */
export function useAutosave(initial: Assessment, author: () => string | undefined, onSaved: (op: SaveOp, data: unknown) => void) {
  const assessmentId = initial.id;
  const confirmed = useRef<Confirmed>(undefined as unknown as Confirmed);
  confirmed.current ??= new Confirmed(initial);
  const pending = useRef(new Map<string, SaveOp>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<Promise<void> | undefined>(undefined);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [conflicts, setConflicts] = useState<PendingConflict[]>([]);
  // The retry timer calls the latest flush through this ref rather than closing over itself.
  const flushLater = useRef<() => void>(() => undefined);
  const authorRef = useRef(author);
  const savedRef = useRef(onSaved);
  useEffect(() => {
    authorRef.current = author;
    savedRef.current = onSaved;
  }, [author, onSaved]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    // One save at a time; edits made meanwhile wait for the next round.
    while (running.current) await running.current;
    if (pending.current.size === 0) return;
    const batch = [...pending.current];
    pending.current.clear();
    setState({ kind: 'saving' });
    const work = (async () => {
      const refused: PendingConflict[] = [];
      let failed = false;
      for (const [index, [key, op]] of batch.entries()) {
        const result = await send(assessmentId, op, confirmed.current, authorRef.current()?.trim() || undefined);
        if (result.ok) {
          confirmed.current.learn(op, valuesOf(op), (result.data as { team?: TeamMember[] }).team);
          savedRef.current(op, result.data);
          continue;
        }
        if (result.error.code === 'CONFLICT' && conflictsOf(result.error).length > 0) {
          refused.push({ key, op, fields: conflictsOf(result.error) });
          continue;
        }
        // Put back this edit and every later one, under anything the user typed since.
        for (const [laterKey, laterOp] of batch.slice(index)) {
          const newer = pending.current.get(laterKey);
          pending.current.set(laterKey, newer ? merge(laterOp, newer) : laterOp);
        }
        setState({ kind: 'error', error: result.error });
        if (!noAutoRetry.has(result.error.code)) timer.current = setTimeout(() => flushLater.current(), retryMs);
        failed = true;
        break;
      }
      if (refused.length > 0) setConflicts((list) => [...list.filter((c) => !refused.some((r) => r.key === c.key)), ...refused]);
      if (failed) return;
      setState({ kind: 'saved' });
      if (pending.current.size > 0) timer.current = setTimeout(() => flushLater.current(), debounceMs);
    })();
    running.current = work;
    try {
      await work;
    } finally {
      running.current = undefined;
    }
  }, [assessmentId]);

  const queue = useCallback(
    (op: SaveOp, immediately = false) => {
      const key = keyOf(op);
      pending.current.set(key, merge(pending.current.get(key), op));
      setState((s) => (s.kind === 'error' ? s : { kind: 'saving' }));
      clearTimeout(timer.current);
      if (immediately) void flush();
      else timer.current = setTimeout(() => void flush(), debounceMs);
    },
    [flush],
  );

  /**
   * The user's answer to a conflict on one field. The stored value becomes the base, so the core
   * takes the choice. Returns the op as it will be saved, so the screen can show the chosen value.
   */
  const resolve = useCallback(
    (key: string, field: string, choice: Choice): SaveOp | undefined => {
      const conflict = conflicts.find((c) => c.key === key);
      const stored = conflict?.fields.find((f) => f.field === field);
      if (!conflict || !stored) return undefined;
      confirmed.current.learn(conflict.op, { [field]: stored.stored });
      const rest = conflict.fields.filter((f) => f.field !== field);
      // Typing that went on while the conflict was shown is newer than the refused op.
      const mine = merge(conflict.op, pending.current.get(key) ?? conflict.op);
      const value = 'text' in choice ? choice.text : choice.keep === 'stored' ? stored.stored : fieldValue(mine, field);
      const latest = withValues(mine, { [field]: value });
      setConflicts((list) => (rest.length > 0 ? list.map((c) => (c.key === key ? { ...c, op: latest, fields: rest } : c)) : list.filter((c) => c.key !== key)));
      if (rest.length > 0) pending.current.set(key, latest);
      else queue(latest, true);
      return latest;
    },
    [conflicts, queue],
  );

  /** Forgets queued edits, e.g. after the assessment became read-only and the user was told. */
  const discard = useCallback(() => {
    clearTimeout(timer.current);
    pending.current.clear();
    setConflicts([]);
    setState({ kind: 'idle' });
  }, []);

  /** A session the core created or deleted on a button press rather than through this queue. */
  const sessionCreated = useCallback((session: InterviewSession) => confirmed.current.sessionCreated(session), []);
  const sessionDeleted = useCallback((sessionId: string) => confirmed.current.sessionDeleted(sessionId), []);

  useEffect(() => {
    flushLater.current = () => void flush();
  }, [flush]);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (pending.current.size > 0 || running.current) {
        void flush();
        event.preventDefault();
      }
    };
    const hashChange = () => void flush();
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('hashchange', hashChange);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('hashchange', hashChange);
      void flush();
    };
  }, [flush]);

  const teamRows = useCallback(() => confirmed.current.rows([...conflicts.map((c) => c.op), ...pending.current.values()]), [conflicts]);

  // One object while nothing in it changes, so that the workspace's context (and every view reading it) stays put when only the route changes.
  return useMemo(
    () => ({ state, conflicts, queue, flush, discard, resolve, sessionCreated, sessionDeleted, teamRows }),
    [state, conflicts, queue, flush, discard, resolve, sessionCreated, sessionDeleted, teamRows],
  );
}

export type Autosave = ReturnType<typeof useAutosave>;
