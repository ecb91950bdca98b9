/**
 * Fields inside a setup value (the country context, the target levels) as paths such as
 * "context/donorSupport/cybercrime/who" or "targets/hygiene.csirt" ("/" because ids contain
 * dots), so that two windows changing different parts of one value both keep their change.
 */
export type Flat = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every leaf (a scalar or an array) of a nested record under `prefix`. */
export function flatten(value: unknown, prefix: string, into: Flat = {}): Flat {
  if (!isRecord(value)) {
    into[prefix] = value;
    return into;
  }
  for (const [key, inner] of Object.entries(value)) flatten(inner, `${prefix}/${key}`, into);
  return into;
}

/** A copy of `value` with the leaf at `path` (segments below the top) set, or removed when undefined. */
export function setPath(value: unknown, path: readonly string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string, ...string[]];
  const record = isRecord(value) ? value : {};
  const inner = setPath(record[head], rest, leaf);
  const entries = Object.entries(record).filter(([key]) => key !== head);
  return Object.fromEntries(inner === undefined ? entries : [...entries, [head, inner]]);
}

export function getPath(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (isRecord(at) && Object.hasOwn(at, key) ? at[key] : undefined), value);
}
