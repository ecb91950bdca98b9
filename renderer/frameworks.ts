import { useEffect, useState } from 'react';
import type { Framework } from '../core/model/framework';
import { isUiLanguage, type UiLanguage } from '../locales/languages';
import { request } from './api';

export interface FrameworkRef {
  frameworkId: string;
  frameworkVersion: string;
}

const loaded = new Map<string, Promise<Framework>>();
/** The content languages each fetched framework carries (English always): the library holds eight, a screen needs one or two. */
const languagesOf = new WeakMap<Framework, ReadonlySet<string>>();

export function rememberContentLanguages(framework: Framework, languages: readonly string[]): void {
  languagesOf.set(framework, new Set(['en', ...languages]));
}

/** The languages a screen shows content in at start: the UI's and the bilingual view's second, as last chosen. */
export function storedContentLanguages(): UiLanguage[] {
  const ui = localStorage.getItem('ccat.language') ?? navigator.language.slice(0, 2);
  const second = localStorage.getItem('ccat.bilingual') ?? '';
  return contentLanguages([ui, second]);
}

/** The UI languages among `languages`, without English (always sent) or repeats. */
function contentLanguages(languages: ReadonlyArray<string | undefined>): UiLanguage[] {
  return [...new Set(languages.filter((l): l is UiLanguage => l !== undefined && l !== 'en' && isUiLanguage(l)))].sort();
}

/** A framework version never changes once published: each is fetched once per page and language set, however often it is needed. */
export function loadFramework(ref: FrameworkRef, languages: readonly string[]): Promise<Framework> {
  const wanted = contentLanguages(languages);
  const key = `${ref.frameworkId}@${ref.frameworkVersion}:${wanted.join(',')}`;
  let framework = loaded.get(key);
  if (!framework) {
    framework = request('getFramework', { id: ref.frameworkId, version: ref.frameworkVersion, languages: wanted }).then((result) => {
      rememberContentLanguages(result, wanted);
      return result;
    });
    // A failed fetch is not kept: the next open asks again.
    framework.catch(() => loaded.delete(key));
    loaded.set(key, framework);
  }
  return framework;
}

/**
 * `framework` with its content in `languages` too: when the UI language or the bilingual view's
 * second language changes to one not fetched yet, that language is fetched and swapped in
 * (English shows meanwhile, as for any missing translation).
 */
export function useFrameworkIn(framework: Framework, languages: ReadonlyArray<string | undefined>): Framework {
  const has = languagesOf.get(framework);
  const missing = languages.filter((l): l is string => l !== undefined && framework.languages.includes(l) && has !== undefined && !has.has(l));
  const key = missing.join(',');
  const [fetched, setFetched] = useState<{ base: Framework; key: string; framework: Framework } | undefined>();
  useEffect(() => {
    if (key === '' || !has) return;
    let live = true;
    void loadFramework({ frameworkId: framework.id, frameworkVersion: framework.version }, [...has, ...key.split(',')]).then(
      (result) => live && setFetched({ base: framework, key, framework: result }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [framework, has, key]);
  return fetched && fetched.base === framework && fetched.key === key ? fetched.framework : framework;
}
