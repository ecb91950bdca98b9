import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JsxLexer } from 'i18next-parser';
import { describe, expect, it } from 'vitest';
import enCommon from '../../locales/en/common.json';
import enReport from '../../locales/en/report.json';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): string[] => Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)));

describe('UI and report strings used in the code', () => {
  it('every literal key the code translates exists in English (extracted with i18next-parser)', () => {
    // The JSX lexer reads plain TypeScript too.
    const lexer = new JsxLexer({ functions: ['t'] });
    const used = new Map<string, string>();
    for (const file of ['renderer', 'core', 'electron', 'cli'].flatMap((dir) => sources(join(root, dir)))) {
      for (const { key } of lexer.extract(readFileSync(file, 'utf8'), file)) if (key !== '') used.set(key, file.slice(root.length + 1));
    }
    const known = new Set([...leaves(enCommon), ...leaves(enReport)].map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
    // Keys built at run time (`problems.${code}`) are not literals; the parity and problem-code tests cover those.
    expect(used.size).toBeGreaterThan(500);
    const unknown = [...used].filter(([key]) => !known.has(key.replace(/^(common|report):/, ''))).map(([key, file]) => `${file}: ${key}`);
    expect(unknown).toEqual([]);
  });
});
