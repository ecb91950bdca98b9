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
    throw new CoreError('INVALID_INPUT', `${what} is too large (${text.length} bytes; the limit is ${limits.maxBytes}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text, (key, inner: unknown) => {
      if (forbiddenKeys.has(key)) {
        throw new CoreError('INVALID_INPUT', `${what} contains the forbidden key "${key}".`);
      }
      return inner;
    });
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw new CoreError('INVALID_INPUT', `${what} is not valid JSON: ${(error as Error).message}`);
  }
  if (depthOf(value) > limits.maxDepth) {
    throw new CoreError('INVALID_INPUT', `${what} is nested more than ${limits.maxDepth} levels deep.`);
  }
  return value;
}

function depthOf(value: unknown): number {
  // Iterative so that a hostile file cannot overflow the stack here.
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    max = Math.max(max, depth);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return max;
}
