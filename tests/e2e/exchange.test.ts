import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCcat } from '../cli/ccat';
import { snapshotTree } from '../core/store/helpers';
import { api, axeViolations, openPage, readStored, sha256, shot } from './app';
import { newDataDir, removeDir, startServe, type ServeProcess } from './harness';
import { chooseCcatFile } from './ccat-import';
import { useE2e } from './lifecycle';

const e2e = useE2e();

const words = {
  en: { import: 'Import a .ccat file…', importHeading: 'Import a .ccat file', newSigner: 'New signer', confirm: /every group matches/, submit: 'Import', done: 'Import complete', refused: /was refused$/, nothing: 'Nothing was changed in this data folder.', settings: 'Settings', own: 'This installation', known: 'Known signers', cancel: 'Cancel' },
  ja: { import: '.ccatファイルを取り込む…', importHeading: '.ccatファイルの取り込み', newSigner: '新しい署名者', confirm: /すべてのグループが一致しました/, submit: '取り込む', done: '取り込みが完了しました', refused: /受け付けられませんでした$/, nothing: 'このデータフォルダーは一切変更されていません。', settings: '設定', own: 'このインストール', known: '既知の署名者', cancel: 'キャンセル' },
} as const;

function keysShow(dataDir: string): { installation: { fingerprint: string; name: string; publicKeyFile: string }; knownSigners: Array<{ fingerprint: string; name: string }> } {
  const result = runCcat(['keys', 'show', '--data-dir', dataDir, '--json']);
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as ReturnType<typeof keysShow>;
}

async function expectNoAxeViolations(page: Page, screen: string) {
  expect(await axeViolations(page), screen).toEqual([]);
}

/** Drops the file onto the home screen the way the browser delivers a dragged file. */
async function importByDrop(page: Page, file: { name: string; bytes: Buffer }) {
  await page.evaluate(
    ([name, bytes]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name));
      const target = document.querySelector('main .page')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [file.name, [...file.bytes]] as const,
  );
}

describe('exchanging assessments as .ccat files', () => {
  it('exports from folder A in the UI, imports into folder B after the fingerprint check, and refuses a tampered copy leaving B unchanged', async () => {
    // A: the field laptop.
    const folderA = await newDataDir();
    let serveA: ServeProcess | undefined;
    try {
      serveA = await startServe(folderA);
      const a = await openPage(e2e.browser, serveA);
      const by = 'Aiko Tanaka';
      const made = await api(a.page, 'createAssessment', { title: 'Lao PDR field assessment 2026', country: 'LA', mode: 'field', team: [{ name: by, role: 'Team leader' }], by });
      await api(a.page, 'updateResponse', { id: made.id, indicatorId: 'hygiene.strategy.document', patch: { rating: { kind: 'level', level: 3 }, confidence: 'high', notes: 'Strategy adopted in 2024.' }, base: { rating: null, confidence: null, notes: '' }, by });
      await api(a.page, 'addAttachment', { id: made.id, indicatorId: 'hygiene.strategy.document', fileName: 'decree.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 decree').toString('base64'), by });
      await a.page.reload();
      await a.page.getByRole('link', { name: 'Lao PDR field assessment 2026' }).click();
      await a.page.getByRole('button', { name: 'Export…' }).click();
      await a.page.getByLabel('.ccat exchange file').check();
      await expect.poll(() => a.page.getByRole('checkbox', { name: 'Lao PDR field assessment 2026' }).isChecked()).toBe(true);
      await a.page.getByLabel('Encrypt with a passphrase').check();
      await a.page.getByLabel('Passphrase', { exact: true }).waitFor();
      await shot(a.page, 'exchange-export-en', false);
      await a.page.getByLabel('Signed only').check();
      const downloading = a.page.waitForEvent('download');
      await a.page.getByRole('button', { name: 'Export .ccat file' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.ccat$/);
      const bytes = await readFile((await download.path())!);
      await a.page.getByText(/Exported .*\.ccat \(.*signature valid/).waitFor();
      // The same assessment again, protected with a passphrase (made through the API: the form was shown above).
      const locked = Buffer.from((await api(a.page, 'exportBundle', { ids: [made.id], passphrase: 'mango season 2026' })).content, 'base64');
      await a.context.close();
      await serveA.stop();
      serveA = undefined;
      const keysA = keysShow(folderA);

      // B: HQ.
      e2e.dataDir = await newDataDir();
      e2e.serve = await startServe(e2e.dataDir);
      const file = { name: download.suggestedFilename(), bytes };
      const empty = await snapshotTree(e2e.dataDir);

      // Japanese first: the new signer's screen, reached by dropping the file on the home screen; then cancelled.
      const ja = await openPage(e2e.browser, e2e.serve, { language: 'ja', bypassCSP: true, height: 680 });
      await ja.page.getByRole('heading', { name: '評価', exact: true }).waitFor();
      await importByDrop(ja.page, file);
      await ja.page.getByText(words.ja.newSigner, { exact: true }).waitFor();
      await shot(ja.page, 'exchange-import-new-signer-ja');
      await expectNoAxeViolations(ja.page, 'import (ja)');
      await ja.page.getByRole('button', { name: words.ja.cancel }).click();
      expect(await snapshotTree(e2e.dataDir)).toEqual(empty);

      const en = await openPage(e2e.browser, e2e.serve, { bypassCSP: true, height: 680 });
      await chooseCcatFile(en.page, 'en', file);
      await en.page.getByText(words.en.newSigner, { exact: true }).waitFor();
      // The fingerprint shown is the one `ccat keys show` prints on the sending laptop.
      expect(await en.page.locator('#signer-fingerprint').getAttribute('data-fingerprint')).toBe(keysA.installation.fingerprint);
      await en.page.getByText('Ask the sender to read their fingerprint aloud', { exact: false }).waitFor();
      await en.page.getByRole('cell', { name: /^New/ }).waitFor();
      await shot(en.page, 'exchange-import-new-signer-en');
      await expectNoAxeViolations(en.page, 'import (en)');
      const importButton = en.page.getByRole('button', { name: words.en.submit, exact: true });
      expect(await importButton.isDisabled()).toBe(true);
      await en.page.getByLabel(words.en.confirm).check();
      await importButton.click();
      await en.page.getByRole('heading', { name: words.en.done }).waitFor();
      await en.page.getByText(/is now a known signer/).waitFor();

      await en.page.getByRole('link', { name: 'Back to the assessments' }).click();
      await en.page.getByRole('link', { name: 'Lao PDR field assessment 2026' }).waitFor();
      expect(await readStored(e2e.dataDir, made.id)).toEqual(await readStored(folderA, made.id));
      const attachmentsOf = async (dir: string) => {
        const names = (await readdir(join(dir, 'attachments'))).sort();
        return Promise.all(names.map(async (name) => [name, sha256(await readFile(join(dir, 'attachments', name)))]));
      };
      expect(await attachmentsOf(e2e.dataDir)).toEqual(await attachmentsOf(folderA));
      expect((await attachmentsOf(e2e.dataDir)).length).toBe(1);

      // A tampered copy: one byte flipped in the middle.
      const tampered = Buffer.from(bytes);
      const at = Math.floor(tampered.length / 2);
      tampered[at] = tampered[at]! ^ 0xff;
      // The store writes its list (index.json) a moment after a change: the baseline is taken once it has.
      const dataDirB = e2e.dataDir;
      await expect.poll(async () => (await readFile(join(dataDirB, 'index.json'), 'utf8')).includes(made.id), { timeout: 10_000 }).toBe(true);
      const before = await snapshotTree(e2e.dataDir);
      for (const [language, page] of [['en', en.page], ['ja', ja.page]] as const) {
        await page.evaluate(() => {
          window.location.hash = '#/';
        });
        await chooseCcatFile(page, language, { name: 'tampered.ccat', bytes: tampered });
        const alert = page.getByRole('alert').filter({ hasText: words[language].nothing });
        await alert.waitFor();
        await expect.poll(() => alert.getByRole('heading').innerText()).toMatch(words[language].refused);
        // The plain-language reason: the localized text of the error code with the core's message.
        expect(await alert.innerText()).toMatch(language === 'en' ? /This \.ccat file (was refused|was changed after it was signed)/ : /この\.ccatファイルは/);
        await shot(page, `exchange-import-refused-${language}`);
        await expectNoAxeViolations(page, `refusal (${language})`);
      }
      expect(await snapshotTree(e2e.dataDir)).toEqual(before);

      // A passphrase-protected file asks for its passphrase, says when it is wrong, then shows what importing would do.
      await en.page.evaluate(() => {
        window.location.hash = '#/';
      });
      await chooseCcatFile(en.page, 'en', { name: 'locked.ccat', bytes: locked });
      await en.page.getByText('This file is protected by a passphrase', { exact: false }).waitFor();
      await en.page.getByLabel('Passphrase', { exact: true }).fill('wrong guess here');
      await en.page.getByRole('button', { name: 'Open' }).click();
      await en.page.getByText('The passphrase is wrong', { exact: false }).waitFor();
      await en.page.getByLabel('Passphrase', { exact: true }).fill('mango season 2026');
      await en.page.getByRole('button', { name: 'Open' }).click();
      await en.page.getByText('Known signer', { exact: true }).waitFor();
      await en.page.getByText('The file was encrypted.', { exact: false }).waitFor();
      await en.page.getByRole('cell', { name: /^Already here/ }).waitFor();
      expect(await en.page.getByRole('button', { name: words.en.submit, exact: true }).isDisabled()).toBe(true);
      expect(await snapshotTree(e2e.dataDir)).toEqual(before);

      // Another installation that calls itself by A's name but signs with another key: the loud warning, nothing imported.
      const folderC = await newDataDir();
      const serveC = await startServe(folderC);
      let impostor: Buffer;
      try {
        const c = await openPage(e2e.browser, serveC);
        const own = await api(c.page, 'createAssessment', { title: 'Impostor copy', country: 'LA', mode: 'field' });
        await api(c.page, 'renameInstallation', { name: keysA.installation.name });
        impostor = Buffer.from((await api(c.page, 'exportBundle', { ids: [own.id] })).content, 'base64');
        await c.context.close();
      } finally {
        await serveC.stop();
        await removeDir(folderC);
      }
      await en.page.evaluate(() => {
        window.location.hash = '#/';
      });
      await chooseCcatFile(en.page, 'en', { name: 'impostor.ccat', bytes: impostor });
      await en.page.getByRole('heading', { name: 'Warning: the signer’s key has changed' }).waitFor();
      expect(await en.page.getByRole('alert').filter({ hasText: 'Warning: the signer’s key has changed' }).innerText()).toMatch(/signed with a different key[\s\S]*Nothing was changed in this data folder\./);
      await shot(en.page, 'exchange-import-key-changed-en');
      expect(await snapshotTree(e2e.dataDir)).toEqual(before);

      // B changes its copy; the file's older copy is then never applied over it, only kept beside it when the person chooses.
      const stored = await readStored(e2e.dataDir, made.id);
      await api(en.page, 'updateResponse', { id: made.id, indicatorId: 'hygiene.strategy.document', patch: { confidence: 'medium' }, base: { confidence: 'high' }, by: 'HQ analyst' });
      await en.page.evaluate(() => {
        window.location.hash = '#/';
      });
      await chooseCcatFile(en.page, 'en', file);
      await en.page.getByRole('cell', { name: /^Older or diverged/ }).waitFor();
      expect(await en.page.getByRole('button', { name: words.en.submit, exact: true }).isDisabled()).toBe(true);
      await en.page.getByLabel(/Keep as a separate copy/).check();
      await shot(en.page, 'exchange-import-diverged-en');
      await en.page.getByRole('button', { name: words.en.submit, exact: true }).click();
      await en.page.getByText('kept as a separate copy', { exact: false }).waitFor();
      const copies = (await api(en.page, 'listAssessments', {})).filter((x) => x.title === 'Lao PDR field assessment 2026');
      expect(copies).toHaveLength(2);
      const copy = await readStored(e2e.dataDir, copies.find((x) => x.id !== made.id)!.id);
      expect(copy.responses).toEqual(stored.responses);
      expect(JSON.stringify(copy.history.at(-1))).toContain(made.id);
      expect((await readStored(e2e.dataDir, made.id)).responses['hygiene.strategy.document']?.confidence).toBe('medium');

      // Settings: this installation's fingerprint, and A among the known signers.
      for (const [language, page] of [['en', en.page], ['ja', ja.page]] as const) {
        await page.getByRole('link', { name: words[language].settings }).click();
        await page.getByRole('heading', { name: words[language].known }).waitFor();
        await page.locator('.signer-list [data-fingerprint]').first().waitFor();
        expect(await page.locator('.signer-list [data-fingerprint]').getAttribute('data-fingerprint')).toBe(keysA.installation.fingerprint);
        await shot(page, `exchange-settings-${language}`);
        await expectNoAxeViolations(page, `settings (${language})`);
      }
      const shownOwn = await en.page.locator('#own-fingerprint').getAttribute('data-fingerprint');
      // Rename this installation and the known signer; removing asks first, and "Keep" keeps it.
      await en.page.getByLabel('Name shown to others').fill('HQ analysis desk');
      await en.page.getByRole('button', { name: 'Rename', exact: true }).first().click();
      await en.page.getByText('Saved.', { exact: true }).waitFor();
      await en.page.getByLabel('Name here').fill('Lao field laptop');
      await en.page.locator('.signer-list').getByRole('button', { name: 'Rename', exact: true }).click();
      await en.page.getByRole('heading', { name: 'Lao field laptop' }).waitFor();
      await en.page.getByRole('button', { name: /^Remove/ }).click();
      await en.page.getByRole('dialog', { name: 'Remove “Lao field laptop”?' }).getByRole('button', { name: 'Keep' }).click();
      await en.page.getByRole('dialog').waitFor({ state: 'detached' }).catch(() => undefined);
      expect(await en.page.getByRole('dialog', { name: 'Remove “Lao field laptop”?' }).isVisible()).toBe(false);
      const publicKey = en.page.waitForEvent('download');
      await en.page.getByRole('button', { name: 'Export public key' }).click();
      const publicKeyText = await readFile((await (await publicKey).path())!, 'utf8');
      await ja.context.close();
      await en.context.close();
      await e2e.serve.stop();
      const keysB = keysShow(e2e.dataDir);
      expect(shownOwn).toBe(keysB.installation.fingerprint);
      expect(keysB.knownSigners.map((s) => [s.fingerprint, s.name])).toEqual([[keysA.installation.fingerprint, 'Lao field laptop']]);
      expect(keysB.installation.name).toBe('HQ analysis desk');
      expect(publicKeyText).toBe(keysB.installation.publicKeyFile);
    } finally {
      await serveA?.stop();
      await removeDir(folderA);
    }
  });
});
