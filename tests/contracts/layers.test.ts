import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it were the given file, and returns the rule ids that fired. */
async function rulesFiredFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('lint enforces the layers of design §2', () => {
  it.each([
    ['core/api/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['core/api/x.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
    ['core/api/x.ts', "import { App } from '../../renderer/App';\nexport const a = App;\n"],
    ['core/api/x.ts', "import { serveRoutes } from '../../cli/serve';\nexport const a = serveRoutes;\n"],
    ['core/api/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n"],
    ['core/store/x.node.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['renderer/x.ts', "import { readFile } from 'node:fs';\nexport const a = readFile;\n"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['renderer/x.ts', "import { openCore } from '../core/api/open-core.node.ts';\nexport const a = openCore;\n"],
    ['renderer/x.ts', "import { frameworkSchema } from '../core/model/framework';\nexport const a = frameworkSchema;\n"],
  ])('refuses in %s: %s', async (file, code) => {
    const fired = await rulesFiredFor(file, code);
    expect(fired.some((rule) => /no-restricted-imports/.test(rule))).toBe(true);
  });

  it.each([
    ['core/store/x.node.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n"],
    ['renderer/x.ts', "import type { Framework } from '../core/model/framework';\nexport type A = Framework;\n"],
    ['renderer/x.ts', "import { scoreAssessment } from '../core/scoring/scores';\nexport const a = scoreAssessment;\n"],
    ['cli/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await rulesFiredFor(file, code)).toEqual([]);
  });
});
