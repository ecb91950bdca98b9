import { resources } from '../../../locales/resources';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`)));
}

const plural = /_(zero|one|two|few|many|other)$/;
const strings = (language: 'en' | 'ja') => {
  const tree = resources[language] as { report: Tree; common: Tree };
  return new Map([...leaves(tree.report), ...leaves(tree.common)]);
};

/** Dotted keys ("summary.noOverall"): i18next prints one where a translation is missing. */
const dottedKeys = [...new Set([...strings('en').keys()].filter((k) => k.includes('.')).map((k) => k.replace(plural, '')))];

/**
 * English fragments of every report label (the text between placeholders, 16 characters or more)
 * whose Japanese differs: a Japanese-only export showing one has fallen back to English.
 */
const englishFragments = (() => {
  const ja = strings('ja');
  const jaValues = new Set(ja.values());
  return [...leaves(resources.en.report as Tree)]
    .filter(([key, value]) => !jaValues.has(value) && ja.get(key.replace(plural, '_other')) !== value)
    .flatMap(([, value]) => value.split(/\{\{[^}]*\}\}/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length >= 16);
})();

/** What is wrong with a rendered export's text: unfilled placeholders, raw keys, English in a Japanese-only export. */
export function translationProblems(text: string, languages: readonly ('en' | 'ja')[]): string[] {
  const problems: string[] = [];
  const placeholder = /\{\{[^}]*\}\}|\{\{|\}\}/.exec(text);
  if (placeholder) problems.push(`unfilled placeholder ${placeholder[0]} in "…${text.slice(Math.max(0, placeholder.index - 40), placeholder.index + 40)}…"`);
  for (const key of dottedKeys) if (text.includes(key)) problems.push(`raw key ${key}`);
  if (!languages.includes('en')) for (const fragment of englishFragments) if (text.includes(fragment)) problems.push(`English text "${fragment}"`);
  return problems;
}
