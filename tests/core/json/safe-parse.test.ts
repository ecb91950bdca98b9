import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../core/api/result';
import { parseUntrustedJson } from '../../../core/json/safe-parse';

const limits = { maxBytes: 1000, maxDepth: 3 };

function refusal(text: string): { reason: unknown; message: string } {
  try {
    parseUntrustedJson(text, 'The file', limits);
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    // Every refusal is the sender's input at fault, not CCAT.
    expect(error.code).toBe('INVALID_INPUT');
    return { reason: (error.details as { reason?: unknown } | undefined)?.reason, message: error.message };
  }
  throw new Error(`accepted ${text}`);
}

describe('parseUntrustedJson', () => {
  it('returns the value of good JSON nested up to the limit', () => {
    expect(parseUntrustedJson('{"a":[{"b":1}],"c":[]}', 'The file', limits)).toEqual({ a: [{ b: 1 }], c: [] });
    expect(parseUntrustedJson('[[["deep"]]]', 'The file', limits)).toEqual([[['deep']]]);
  });

  it('refuses nesting one level past the limit, in arrays and in objects, before parsing', () => {
    expect(refusal('[[[[1]]]]')).toEqual({ reason: 'too-deep', message: 'The file is nested more than 3 levels deep.' });
    expect(refusal('{"a":{"b":{"c":{}}}}')).toMatchObject({ reason: 'too-deep' });
    // Closing brackets bring the depth back: four brackets in all, never more than three open.
    expect(parseUntrustedJson('[[[1]],[[2]]]', 'The file', limits)).toEqual([[[1]], [[2]]]);
    // Too deep even where the text is not JSON afterwards: depth is checked first.
    expect(refusal('[[[[')).toMatchObject({ reason: 'too-deep' });
  });

  it('ignores brackets inside strings, also after escaped quotes and before an escaped backslash ends a string', () => {
    expect(parseUntrustedJson('["[[[[{{{{"]', 'The file', limits)).toEqual(['[[[[{{{{']);
    expect(parseUntrustedJson('["a\\"[[[[", "b"]', 'The file', limits)).toEqual(['a"[[[[', 'b']);
    expect(parseUntrustedJson('["a\\\\\\"[[[["]', 'The file', limits)).toEqual(['a\\"[[[[']);
    // The string ends at the quote after an escaped backslash: the brackets after it count.
    expect(refusal('["a\\\\",[[[1]]]]')).toMatchObject({ reason: 'too-deep' });
    // Several strings in a row, each with its own escapes.
    expect(refusal('["x","\\"","\\\\",[[["y"]]]]')).toMatchObject({ reason: 'too-deep' });
  });

  it('reports an unterminated string as invalid JSON, not as nesting', () => {
    expect(refusal('["[[[[[[')).toMatchObject({ reason: 'not-json', message: expect.stringMatching(/^The file is not valid JSON: /) });
  });

  it('refuses prototype keys at any depth, naming the key', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(refusal(`{"a":[{"${key}":1}]}`)).toEqual({ reason: 'forbidden-key', message: `The file contains the forbidden key "${key}".` });
    }
    expect(parseUntrustedJson('{"proto":1,"constructors":2}', 'The file', limits)).toEqual({ proto: 1, constructors: 2 });
  });

  it('refuses text over the size limit, and accepts text exactly at it', () => {
    const atLimit = `"${'x'.repeat(998)}"`;
    expect(parseUntrustedJson(atLimit, 'The file', limits)).toBe('x'.repeat(998));
    expect(refusal(`${atLimit} `)).toEqual({ reason: 'too-large', message: 'The file is too large (1001 bytes; the limit is 1000).' });
  });

  it('uses 20 MiB and 64 levels when no limits are given', () => {
    expect(parseUntrustedJson(`${'['.repeat(64)}${']'.repeat(64)}`, 'The file')).toBeInstanceOf(Array);
    expect(() => parseUntrustedJson(`${'['.repeat(65)}${']'.repeat(65)}`, 'The file')).toThrow('nested more than 64 levels deep');
    expect(() => parseUntrustedJson(' '.repeat(20 * 1024 * 1024 + 1), 'The file')).toThrow('the limit is 20971520');
  });
});
