import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSupportLog, scrubPaths } from '../../electron/log';
import { useTempDirs } from '../core/temp-dir';

const home = '/home/hanako.yamada';

describe('the support log', () => {
  const tempDir = useTempDirs();

  it('rotates by size and keeps only the newest files, oldest first when read', async () => {
    const dir = join(await tempDir(), 'logs');
    const log = createSupportLog({ dir, home, maxBytes: 400, keep: 2, now: () => new Date('2026-12-01T10:00:00Z') });
    for (let i = 0; i < 40; i += 1) log.event('command failed', { command: 'updateResponse', code: 'CONFLICT', n: i });
    expect(readdirSync(dir).sort()).toEqual(['ccat.1.log', 'ccat.2.log', 'ccat.log']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(400);
    const text = log.read();
    const numbers = [...text.matchAll(/n="(\d+)"/g)].map((m) => Number(m[1]));
    expect(numbers.at(-1)).toBe(39);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers[0]).toBeGreaterThan(0);
    expect(text.split('\n')[0]).toMatch(/^2026-12-01T10:00:00.000Z command failed command="updateResponse" code="CONFLICT" n="\d+"$/);
  });

  it('writes no error message, no name and no path under the home folder', async () => {
    const dir = join(await tempDir(), 'logs');
    const log = createSupportLog({ dir, home, keep: 1 });
    const error = Object.assign(new Error('notes: "Interview with Mr Nguyen at VNCERT" is too long'), { code: 'INVALID_INPUT' });
    error.stack = `Error: notes: "Interview with Mr Nguyen at VNCERT" is too long\n    at save (${home}/Applications/CCAT/resources/app.asar/dist/electron/main.cjs:10:5)\n    at C:\\Users\\Hanako\\AppData\\Local\\Programs\\ccat\\resources\\app.asar\\main.cjs:3:1`;
    log.error('uncaught exception', error);
    log.event('export saved', { folder: `${home}/Documents/Ghana` });
    const text = readFileSync(join(dir, 'ccat.log'), 'utf8');
    expect(text).toContain('uncaught exception kind="Error" code="INVALID_INPUT" stack="at save (~/Applications/CCAT/resources/app.asar/dist/electron/main.cjs:10:5) | at ~\\\\AppData');
    expect(text).toContain('folder="~/Documents/Ghana"');
    expect(text).not.toMatch(/Nguyen|VNCERT|hanako|Hanako|too long/i);
  });

  it('replaces the home folder in every spelling, and other profile folders', () => {
    expect(scrubPaths('C:\\Users\\Hanako\\x and c:/users/hanako/y', 'C:\\Users\\Hanako')).toBe('~\\x and ~/y');
    expect(scrubPaths('open /Users/taro/Desktop/a.ccat', '/home/other')).toBe('open ~/Desktop/a.ccat');
    expect(scrubPaths('app://ccat/index.html', home)).toBe('app://ccat/index.html');
  });

  it('never throws when the log cannot be written', async () => {
    const file = join(await tempDir(), 'not-a-folder');
    writeFileSync(file, '');
    const log = createSupportLog({ dir: join(file, 'logs'), home });
    expect(() => log.event('start')).not.toThrow();
    expect(log.read()).toBe('');
  });
});
