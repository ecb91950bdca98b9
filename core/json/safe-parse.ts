import { CoreError } from '../api/result';

const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export interface SafeParseLimits {
  maxBytes: number;
  maxDepth: number;
}

export const defaultLimits: SafeParseLimits = { maxBytes: 20 * 1024 * 1024, maxDepth: 64 };

/**
 * JSON.parse for files that came from outside: refuses oversized input, prototype-pollution keys
 * and absurd nesting before any schema sees the value. `what` names the file in the message.
 */
export function parseUntrustedJson(text: string, what: string, limits: SafeParseLimits = defaultLimits): unknown {
  if (text.length > limits.maxBytes) {
    throw new CoreError('INVALID_INPUT', `${what} is too large (${text.length} bytes; the limit is ${limits.maxBytes}).`, { reason: 'too-large' });
  }
  // Before parsing: JSON.parse with a reviver recurses, so absurd nesting would overflow the stack
  // and be reported as a syntax error instead of what it is.
  if (nestingOf(text) > limits.maxDepth) {
    throw new CoreError('INVALID_INPUT', `${what} is nested more than ${limits.maxDepth} levels deep.`, { reason: 'too-deep' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text, (key, inner: unknown) => {
      if (forbiddenKeys.has(key)) {
        throw new CoreError('INVALID_INPUT', `${what} contains the forbidden key "${key}".`, { reason: 'forbidden-key', key });
      }
      return inner;
    });
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw new CoreError('INVALID_INPUT', `${what} is not valid JSON: ${(error as Error).message}`, { reason: 'not-json' });
  }
  return value;
}

/** The deepest nesting of objects and arrays in JSON text, brackets inside strings ignored. */
function nestingOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x5b || ch === 0x7b) {
      max = Math.max(max, ++depth);
    } else if (ch === 0x5d || ch === 0x7d) {
      depth--;
    }
  }
  return max;
}
