import { spawnSync } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBundle } from '../../cli/commands/bundle';
import { runImport } from '../../cli/commands/import';
import { runKeysExportPublic, runKeysNewHqIdentity, runKeysShow, runKeysTrust } from '../../cli/commands/keys';
import { runVerifyBundle } from '../../cli/commands/verify-bundle';
import { UsageError } from '../../cli/usage';
import { seedWithAttachments } from '../core/bundle/helpers';
import { snapshotTree } from '../core/store/helpers';
import { useTempDirs } from '../core/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const tempDir = useTempDirs();
afterEach(() => vi.restoreAllMocks());

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli', 'main.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

/** Runs a command in-process and returns its exit code and what it printed. */
async function run(command: (values: Record<string, unknown>, positionals: string[]) => Promise<number>, values: Record<string, unknown>, positionals: string[] = []) {
  const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const code = await command(values, positionals);
  const printed = [...out.mock.calls, ...err.mock.calls].map((c) => c.join(' ')).join('\n');
  out.mockRestore();
  err.mockRestore();
  return { code, printed };
}

describe('ccat bundle / verify / import / keys', () => {
  it('a field laptop sends an assessment encrypted to HQ; HQ verifies it, confirms the new signer and imports it', async () => {
    const field = await tempDir();
    const hq = await tempDir();
    const work = await tempDir();
    const { id, title } = await seedWithAttachments(field);
    const identity = join(work, 'hq.key');
    const file = join(work, 'vn.ccat');

    const made = await run(runKeysNewHqIdentity, { out: identity });
    expect(made.printed).toMatch(/recipient age1[a-z0-9]{58}/);
    if (process.platform !== 'win32') expect((await stat(identity)).mode & 0o777).toBe(0o600);
    await expect(run(runKeysNewHqIdentity, { out: identity })).rejects.toThrow(/already exists; CCAT never overwrites a key file/);

    const bundled = await run(runBundle, { 'data-dir': field, out: file, 'encrypt-to': [`${identity}.recipient`] }, [id]);
    expect(bundled.code).toBe(0);
    expect(bundled.printed).toMatch(/core check: \.ccat re-read and decrypted: 3 entries match their SHA-256 digests, Ed25519 signature valid/);
    expect(bundled.printed).toMatch(/on disk: +identical to the checked file \(\d+ bytes\)/);

    const locked = await run(runVerifyBundle, {}, [file]);
    expect(locked).toMatchObject({ code: 1 });
    expect(locked.printed).toMatch(/give that recipient's identity file to open it\. \(CANNOT_DECRYPT, identity-needed\)/);
    const verified = await run(runVerifyBundle, { identity, json: true }, [file]);
    expect(verified.code).toBe(0);
    const report = JSON.parse(verified.printed) as { valid: boolean; signer: { fingerprint: string }; entries: Array<{ digest: string }>; signature: string };
    const fieldKey = JSON.parse((await run(runKeysShow, { 'data-dir': field, json: true })).printed) as { installation: { fingerprint: string } };
    expect(report).toMatchObject({ valid: true, signature: 'valid', signer: { fingerprint: fieldKey.installation.fingerprint } });
    expect(report.entries.map((e) => e.digest)).toEqual(['ok', 'ok', 'ok']);

    const asked = await run(runImport, { 'data-dir': hq, identity }, [file]);
    expect(asked.code).toBe(1);
    expect(asked.printed).toMatch(/refused \(UNTRUSTED_SIGNER\)[\s\S]*has not seen before[\s\S]*run again with --trust-new-signers/);
    // Opening the data folder creates its empty layout; the refused file added nothing to it.
    expect(Object.keys(await snapshotTree(hq)).filter((path) => path.startsWith('assessments/') || path.startsWith('attachments/'))).toEqual(['assessments/']);

    const imported = await run(runImport, { 'data-dir': hq, identity, 'trust-new-signers': true }, [file]);
    expect(imported.code).toBe(0);
    expect(imported.printed).toContain(`imported  ${id}  ${title}`);
    expect(imported.printed).toContain('now a known signer');
    const again = await run(runImport, { 'data-dir': hq, identity, json: true }, [file]);
    expect(JSON.parse(again.printed)).toMatchObject([{ status: 'imported', result: { assessments: [{ outcome: 'unchanged' }], signer: { status: 'known' } } }]);
  });

  it('imports each file on its own and exits 1 when any is refused, naming the reason', async () => {
    const field = await tempDir();
    const hq = await tempDir();
    const work = await tempDir();
    const { id } = await seedWithAttachments(field);
    const good = join(work, 'good.ccat');
    const bad = join(work, 'bad.ccat');
    await run(runBundle, { 'data-dir': field, out: good }, [id]);
    const bytes = new Uint8Array(await readFile(good));
    // A flipped byte in the middle of the stored data, the way a bad USB stick damages files.
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(bad, bytes);
    const result = await run(runImport, { 'data-dir': hq, 'trust-new-signers': true, json: true }, [good, bad]);
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.printed) as Array<{ file: string; status: string; error?: { code: string; reason: string } }>;
    expect(reports.map((r) => [r.file, r.status])).toEqual([
      [good, 'imported'],
      [bad, 'refused'],
    ]);
    expect(['INVALID_BUNDLE', 'TAMPERED']).toContain(reports[1]!.error!.code);
    expect((await run(runVerifyBundle, {}, [bad])).code).toBe(1);
    expect((await run(runVerifyBundle, {}, [good])).printed).toMatch(/^Valid: /);
  });

  it('exports a public key file that another data folder trusts', async () => {
    const field = await tempDir();
    const hq = await tempDir();
    const pub = join(await tempDir(), 'field.pub');
    const exported = await run(runKeysExportPublic, { 'data-dir': field, out: pub });
    const fingerprint = /fingerprint ([0-9A-F ]{39})/.exec(exported.printed)![1]!;
    expect(await readFile(pub, 'utf8')).toContain(`# fingerprint: ${fingerprint}\nccat-ed25519 `);
    expect((await run(runKeysTrust, { 'data-dir': hq }, [pub])).printed).toContain(`fingerprint ${fingerprint}`);
    expect((await run(runKeysShow, { 'data-dir': hq })).printed).toContain(fingerprint);
  });

  it('exits 2 with the usage text for wrong arguments', () => {
    const none = cli('import');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/"import" takes at least 1 argument, got 0/);
    expect(none.stderr).toContain('keys new-hq-identity --out FILE');
  }, 60_000);

  it('refuses --identity together with --passphrase-file as a usage error', async () => {
    await expect(runVerifyBundle({ identity: 'a', 'passphrase-file': 'b' }, ['x.ccat'])).rejects.toThrow(UsageError);
    await expect(runImport({ identity: 'a', 'passphrase-file': 'b' }, ['x.ccat'])).rejects.toThrow(/give --identity or --passphrase-file, not both/);
  });
});
