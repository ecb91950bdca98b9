import type { ScopeKind } from './vocabulary';

/**
 * An agency assessment must say which agency: reports head their facts with the scope, and an
 * unnamed agency read "A named agency: ·". A sector may stay unnamed (the kind is the fact).
 */
export function scopeNeedsName(kind: ScopeKind): boolean {
  return kind === 'agency';
}

/** True when the scope lacks a name it needs; the same check in the UI and at the API boundary. */
export function scopeNameMissing(scope: { kind: ScopeKind; name: string }): boolean {
  return scopeNeedsName(scope.kind) && scope.name.trim() === '';
}
