import { describe, expect, it } from 'vitest';
import { defaultBundleLimits } from '../../core/bundle/format';
import { isBundleName, maxBundleBytes } from '../../renderer/exchange/pending';

describe('the page side of opening a .ccat file', () => {
  it('stops reading a file at the bundle reader’s own limit (the page cannot import the schema module that holds it)', () => {
    expect(maxBundleBytes).toBe(defaultBundleLimits.maxFileBytes);
  });

  it('recognises .ccat files whatever the case of the extension', () => {
    expect(['vn.ccat', 'HQ.CCAT', 'vn.ccat.zip', 'ccat'].map(isBundleName)).toEqual([true, true, false, false]);
  });
});
