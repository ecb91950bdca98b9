import type { z } from 'zod';
import { commands, type CommandName, type CommandResults, type ParsedInput } from './commands';
import { ok, toApiError, type Result } from './result';

export type ApiHandlers = { [K in CommandName]: (input: ParsedInput<K>) => Promise<CommandResults[K]> };

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

/** "patch.rating.level: Too big: expected number to be <=5" — one line per problem, with the path a person can find. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The single entry point every shell uses: Electron IPC, `cli serve` and tests. The payload is
 * untrusted: it is parsed against the command's schema before any handler sees it, and every
 * failure comes back as `{ ok: false, error }` rather than a thrown exception.
 */
export async function dispatch(handlers: ApiHandlers, name: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isCommandName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: `Unknown command: ${String(name).slice(0, 100)}` } };
  }
  const parsed = commands[name].safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: describeIssues(parsed.error.issues),
        details: parsed.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
      },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
