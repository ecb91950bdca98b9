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

/** A quote or a bracket: the only characters nesting depends on. */
const quoteOrBracket = /["[\]{}]/g;

/**
 * The deepest nesting of objects and arrays in JSON text, brackets inside strings ignored. The
 * engine's own search finds the next quote or bracket and a string's closing quote: a loop over
 * every character in JavaScript took most of the time of loading the framework library.
 */
function nestingOf(text: string): number {
  let depth = 0;
  let max = 0;
  const search = new RegExp(quoteOrBracket);
  for (let found = search.exec(text); found !== null; found = search.exec(text)) {
    const ch = found[0];
    if (ch === '"') search.lastIndex = afterString(text, found.index + 1);
    else if (ch === '[' || ch === '{') max = Math.max(max, ++depth);
    else depth--;
  }
  return max;
}

/** Where the string that starts at `from` (just after its opening quote) ends: after its closing quote, or at the end of the text. */
function afterString(text: string, from: number): number {
  for (let at = from; ; ) {
    const quote = text.indexOf('"', at);
    if (quote === -1) return text.length;
    // A quote after an odd number of backslashes is escaped; the opening quote stops the count.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}
