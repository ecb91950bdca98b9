// @vitest-environment jsdom
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '../../core/api/result';
import { call, followServeToken } from '../../renderer/api';
import { ErrorMessage } from '../../renderer/components/ErrorMessage';
import { setupI18n, switchLanguage } from '../../renderer/i18n';

const refusedToken = { ok: false, error: { code: 'INVALID_INPUT', message: 'Refused: missing or wrong session token. Open the address that `serve` printed.' } };

function answer(status: number, body: unknown) {
  return vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

function tokenSent(fetch: ReturnType<typeof answer>, call = 0): string | undefined {
  return (fetch.mock.calls[call]?.[1]?.headers as Record<string, string> | undefined)?.Authorization;
}

beforeAll(async () => {
  await setupI18n();
  followServeToken();
});
afterEach(() => vi.unstubAllGlobals());

const shown = (error: ApiError) => renderToStaticMarkup(<ErrorMessage error={error} />);

describe('the serve session token', () => {
  it('is adopted again when the same tab opens the address of a restarted serve', async () => {
    window.location.hash = '#token=first';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(window.location.hash).toBe('#/');
    const fetch = answer(200, { ok: true, data: [] });
    vi.stubGlobal('fetch', fetch);
    await call('listAssessments', {});
    expect(tokenSent(fetch)).toBe('Bearer first');

    // Only the fragment changes: no page load, so only hashchange (or the next request) can notice.
    window.location.hash = '#token=second';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(window.location.hash).toBe('#/');
    await call('listAssessments', {});
    expect(tokenSent(fetch, 1)).toBe('Bearer second');
  });

  it('is read from the address at request time even before hashchange has run', async () => {
    history.replaceState(null, '', '#token=third');
    const fetch = answer(200, { ok: true, data: [] });
    vi.stubGlobal('fetch', fetch);
    await call('listAssessments', {});
    expect(tokenSent(fetch)).toBe('Bearer third');
  });
});

describe('an authentication error', () => {
  it('is marked as an ended session, and shown as one, never as input that was not accepted', async () => {
    vi.stubGlobal('fetch', answer(401, refusedToken));
    const result = await call('listAssessments', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details).toEqual({ session: true });
    const html = shown(result.error);
    expect(html).toContain('This page is no longer connected to the running CCAT');
    expect(html).toContain('Open the address that &quot;ccat serve&quot; printed');
    expect(html).not.toMatch(/not accepted|Refused/);
  });

  it('is shown in Japanese too', async () => {
    await switchLanguage('ja');
    try {
      const html = shown({ ...refusedToken.error, code: 'INVALID_INPUT', details: { session: true } });
      expect(html).toContain('このページは実行中のCCATとの接続が切れています');
      expect(html).not.toContain('入力を受け付けられませんでした');
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('leaves real input errors as they were', () => {
    expect(shown({ code: 'INVALID_INPUT', message: 'title: too long' })).toContain('Some input was not accepted: title: too long');
  });
});
