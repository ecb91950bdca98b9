/**
 * The pseudo-locale ("en-XA"): every English string accented, about 40 % longer and wrapped in
 * brackets. A screen that shows plain English under it has a hard-coded text; a layout that
 * clips it will clip a long translation too.
 */
export const PSEUDO_LANGUAGE = 'en-XA';

const accented: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ĺ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ĺ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** Placeholders, nestings and tags pass through untouched, so the string still works. */
const untouchable = /({{[^}]*}}|\$t\([^)]*\)|<[^>]+>)/;

export function pseudoLocalize(text: string): string {
  if (text === '') return text;
  const body = text
    .split(untouchable)
    .map((part, index) => (index % 2 === 1 ? part : [...part].map((ch) => accented[ch] ?? ch).join('')))
    .join('');
  const letters = [...text.replace(new RegExp(untouchable.source, 'g'), '')].length;
  const padding = '~'.repeat(Math.ceil(letters * 0.4));
  return `[${body}${padding ? ` ${padding}` : ''}]`;
}

/** A whole i18next resource tree, pseudo-localized leaf by leaf. */
export function pseudoResources<T>(tree: T): T {
  if (typeof tree === 'string') return pseudoLocalize(tree) as T;
  if (tree !== null && typeof tree === 'object') {
    return Object.fromEntries(Object.entries(tree).map(([key, value]) => [key, pseudoResources(value)])) as T;
  }
  return tree;
}
