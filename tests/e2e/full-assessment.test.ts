import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assessmentIdOf, go, openPage, readStored, sha256, shot, waitSaved } from './app';
import { newDataDir, removeDir, startServe } from './harness';
import { useE2e } from './lifecycle';

const e2e = useE2e();

const reopenReason = 'HQ asked to re-check 1.1.5 after the new decree';

/** The tree's link for an indicator number, e.g. "1.1.3". */
const treeLink = (page: Page, number: string) => page.locator('.nav-tree').getByRole('link', { name: new RegExp(`^${number.replaceAll('.', '\\.')} `) });

async function rateCurrent(page: Page, number: string, key: string) {
  await page.getByText(`Indicator ${number}`, { exact: true }).waitFor();
  await page.keyboard.press(key);
  await expect.poll(() => page.locator('.level-card.selected').count()).toBe(1);
}

describe('a complete field assessment through the UI', () => {
  it('sets up, records two sessions, rates eleven indicators, reviews, finalises and reopens — and it is all on disk', async () => {
    e2e.dataDir = await newDataDir();
    e2e.serve = await startServe(e2e.dataDir);
    const { page, external, context } = await openPage(e2e.browser, e2e.serve);

    // — Setup, step 1: what is assessed.
    await page.getByRole('link', { name: 'New assessment' }).first().click();
    await page.getByText('Step 1 of 4').waitFor();
    await page.getByLabel('Title').fill('Ghana national assessment 2025');
    await page.getByRole('combobox', { name: 'Country' }).fill('Ghan');
    await page.getByRole('option', { name: /Ghana/ }).click();
    await page.getByLabel('A named agency').check();
    await page.getByLabel('Name of the agency').fill('Cyber Security Authority');
    await page.getByLabel(/^Field assessment/).check();
    await page.getByLabel('Your name').fill('Aiko Tanaka');
    await page.getByRole('button', { name: 'Create and continue' }).click();

    // — Step 2: team, period, languages.
    await page.getByRole('heading', { name: 'Team, period and languages' }).waitFor();
    const id = assessmentIdOf(page);
    expect(await page.getByLabel('Name of member 1').inputValue()).toBe('Aiko Tanaka');
    await page.getByLabel('Role of member 1').fill('Team leader');
    await page.getByRole('button', { name: /Add a team member/ }).click();
    await page.getByLabel('Name of member 2').fill('Kwame Mensah');
    await page.getByLabel('Role of member 2').fill('Assessor');
    expect(await page.getByLabel('You are').inputValue()).toBe('Aiko Tanaka');
    await page.getByLabel('From').fill('2025-03-10');
    await page.getByLabel('To').fill('2025-03-21');
    await page.getByRole('checkbox', { name: /Japanese/ }).check();
    await waitSaved(page);
    await shot(page, 'flow-setup-team-en');
    await page.getByRole('link', { name: /Next: Target levels/ }).click();

    // — Step 3: targets (prefilled from the framework; one changed).
    await page.getByText('Step 3 of 4').waitFor();
    const target = page.getByLabel(/^1\.1 National cybersecurity strategy/);
    expect(await target.inputValue()).toBe('3');
    await target.selectOption('4');
    await page.getByText('1 target differs from the framework default.').waitFor();
    await page.getByRole('link', { name: /Next: Country context/ }).click();

    // — Step 4: country context.
    await page.getByText('Step 4 of 4').waitFor();
    await page.getByRole('group', { name: /^1\. Cyber hygiene/ }).getByLabel('Substantial').check();
    await page.getByLabel('Donors and programmes in domain 1').fill('World Bank digital project; EU CyberNet');
    await page.getByRole('group', { name: 'Presence of Japanese businesses' }).getByLabel('Medium').check();
    await page.getByRole('group', { name: 'Absorptive capacity' }).getByLabel('Low').check();
    await page.getByLabel('Notes on the country context').fill('Regional hub for West African submarine cables.');
    await waitSaved(page);
    await shot(page, 'flow-setup-context-en');
    await page.getByRole('link', { name: 'Done — record interviews' }).click();

    // — Two sessions with quick notes.
    await page.getByRole('heading', { name: 'No sessions yet' }).waitFor();
    await page.getByRole('link', { name: /Add a session/ }).first().click();
    await page.getByLabel('Title', { exact: true }).fill('National CSIRT, technical team');
    await page.getByLabel('Date').fill('2025-03-11');
    await page.getByLabel('Stakeholder group').selectOption('csirt');
    await page.getByLabel('Number of participants').fill('5');
    await page.getByLabel('Organisations (optional)').fill('GH-CERT');
    await page.getByRole('button', { name: 'Save and capture notes' }).click();
    await page.getByText('Capturing: National CSIRT, technical team').waitFor();
    await page.getByRole('checkbox', { name: /Only questions for/ }).uncheck();
    await treeLink(page, '1.1.1').click();
    await page.getByLabel('Quick note').fill('CSIRT says the strategy was adopted by cabinet in 2023.');
    await page.getByRole('radio', { name: '3 — Established' }).check();
    await page.getByRole('link', { name: /Next indicator/ }).click();
    await page.getByText('Indicator 1.1.2', { exact: true }).waitFor();
    await page.getByLabel('Quick note').fill('Lead agency named in the strategy; CSIRT reports to it.');
    await waitSaved(page);
    await shot(page, 'flow-capture-en');

    await page.getByRole('link', { name: /^Sessions/ }).click();
    await page.getByRole('link', { name: /Add a session/ }).first().click();
    await page.getByLabel('Title', { exact: true }).fill('Ministries roundtable');
    await page.getByLabel('Date').fill('2025-03-12');
    await page.getByLabel('Stakeholder group').selectOption('ministries');
    await page.getByLabel('Number of participants').fill('8');
    await page.getByLabel(/Non-attributable/).check();
    await page.getByRole('button', { name: 'Save and capture notes' }).click();
    await page.getByText('Capturing: Ministries roundtable').waitFor();
    await treeLink(page, '1.1.1').click();
    await page.getByLabel('Quick note').fill('Ministries unaware of their tasks under the strategy.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('2');
    await expect.poll(() => page.getByRole('radio', { name: '2 — Formative' }).isChecked()).toBe(true);
    await waitSaved(page);
    await page.getByRole('link', { name: /^Sessions/ }).click();
    await page.getByRole('link', { name: 'Ministries roundtable', exact: true }).waitFor();
    await shot(page, 'flow-sessions-en');

    // — Consensus ratings: ten indicators, one N/A, one with an attachment.
    await page.getByRole('link', { name: 'Rating', exact: true }).click();
    await page.getByText('Indicator 1.1.1', { exact: true }).waitFor();
    const inputs = page.locator('.session-inputs');
    await inputs.getByText('Input from sessions (2)').waitFor();
    await inputs.getByText('CSIRT says the strategy was adopted by cabinet in 2023.').waitFor();
    await inputs.getByText('Suggested level: 2 — Formative').waitFor();
    await page.keyboard.press('3');
    await page.getByRole('group', { name: 'Confidence' }).getByLabel('High').check();
    await page.getByLabel('Evidence and notes').fill('Strategy adopted by Cabinet Decision 964 (2023); gazette copy seen.');
    await inputs.getByRole('checkbox').first().check();
    const evidence = join(e2e.dataDir, '..', `ccat-evidence-${Date.now()}.txt`);
    const evidenceBytes = Buffer.from('Cabinet Decision 964 (2023) — gazette extract\n');
    await writeFile(evidence, evidenceBytes);
    await page.getByLabel('Attach evidence files').setInputFiles(evidence);
    await page.locator('.file-list').getByText(/^ccat-evidence-.*\.txt$/).waitFor();
    await page.getByRole('heading', { name: 'Evidence files (1)' }).waitFor();
    await waitSaved(page);
    await shot(page, 'flow-rating-en');
    const download = page.waitForEvent('download');
    await page.locator('.file-list').getByRole('button', { name: /^Open/ }).click();
    // What the store hands back is the file that was attached: its name and its bytes.
    const opened = await download;
    expect(opened.suggestedFilename()).toBe(basename(evidence));
    expect(await readFile((await opened.path())!)).toEqual(evidenceBytes);

    await page.getByRole('link', { name: /Next indicator/ }).click();
    await page.getByText('Indicator 1.1.2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Not applicable' }).click();
    await page.getByText('Give a reason: N/A ratings must be explained.').waitFor();
    await page.getByLabel('Why does this indicator not apply?').fill('The lead agency itself is the scope of this assessment.');
    await waitSaved(page);

    // 1.1.3, the inter-ministerial coordination mechanism, stays unanswered.
    await page.getByRole('link', { name: /Next indicator/ }).click();
    await page.getByText('Indicator 1.1.3', { exact: true }).waitFor();
    await page.getByRole('link', { name: /Next indicator/ }).click();
    await rateCurrent(page, '1.1.4', '2');
    await page.getByRole('group', { name: 'Confidence' }).getByLabel('Low').check();
    await page.getByLabel('Evidence and notes').fill('Budget line not published; ask MoF.');
    // Files over 25 MB are refused with a plain reason; a file attached by mistake can be removed.
    const tooBig = join(e2e.dataDir, '..', `ccat-scan-${Date.now()}.pdf`);
    await writeFile(tooBig, Buffer.alloc(26 * 1024 * 1024, 1));
    await page.getByLabel('Attach evidence files').setInputFiles(tooBig);
    await page.getByText(/^ccat-scan-\d+\.pdf is 26 MB; files up to 25 MB can be attached\.$/).waitFor();
    await removeDir(tooBig);
    const wrong = join(e2e.dataDir, '..', `ccat-wrong-${Date.now()}.txt`);
    await writeFile(wrong, 'not this one');
    await page.getByLabel('Attach evidence files').setInputFiles(wrong);
    await page.getByRole('heading', { name: 'Evidence files (1)' }).waitFor();
    await page.locator('.file-list').getByRole('button', { name: /^Remove/ }).click();
    await page.getByRole('heading', { name: 'Evidence files (0)' }).waitFor();
    await removeDir(wrong);
    await page.getByRole('link', { name: /Next indicator/ }).click();
    await rateCurrent(page, '1.1.5', '4');
    await page.getByLabel('Flag for team review').check();
    for (const [number, key] of [
      ['1.2.1', '3'],
      ['1.2.2', '2'],
      ['1.2.3', '2'],
      ['1.2.4', '2'],
      ['1.2.5', '1'],
      ['1.3.1', '3'],
    ] as const) {
      await page.getByRole('link', { name: /Next indicator/ }).click();
      await rateCurrent(page, number, key);
    }
    await page.getByRole('link', { name: /Next indicator/ }).click();
    await page.getByText('Indicator 1.3.2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Unknown', exact: true }).click();
    await waitSaved(page);
    await page.getByText('11 of 128 indicators answered').waitFor();

    // — Filters and search.
    const shownLinks = () => page.locator('.nav-tree .nav-indicator').allInnerTexts();
    const filter = async (name: RegExp, expected: string[]) => {
      await page.getByRole('radio', { name }).check();
      await expect.poll(async () => (await shownLinks()).map((t) => /\d+\.\d+\.\d+/.exec(t)?.[0])).toEqual(expected);
    };
    await filter(/^Flagged/, ['1.1.5']);
    await filter(/^Low confidence/, ['1.1.4']);
    await filter(/^N\/A/, ['1.1.2']);
    await filter(/^Rated without evidence/, ['1.1.5', '1.2.1', '1.2.2', '1.2.3', '1.2.4', '1.2.5', '1.3.1']);
    await shot(page, 'flow-filter-en');
    await page.getByRole('radio', { name: /^Unanswered/ }).check();
    await page.getByText('117 indicators shown').waitFor();
    await page.getByRole('radio', { name: /^All/ }).check();
    await page.getByLabel('Search numbers, questions and notes').fill('decision 964');
    await expect.poll(async () => (await shownLinks()).length).toBe(1);
    await page.getByLabel('Search numbers, questions and notes').fill('');

    // — Bilingual mode.
    await treeLink(page, '1.1.1').click();
    await page.getByLabel('Show two languages side by side').check();
    await page.getByLabel('Second language').selectOption('ja');
    await page.locator('[lang="ja"]').filter({ hasText: '国家サイバーセキュリティ戦略を正式に採択しているか' }).first().waitFor();
    // Any of the eight: Khmer's content is fetched when it is chosen (the open fetched English only).
    await page.getByLabel('Second language').selectOption('km');
    await page.locator('[lang="km"]').filter({ hasText: 'តើរដ្ឋាភិបាលបានអនុម័តជាផ្លូវការនូវយុទ្ធសាស្ត្រ' }).first().waitFor();
    await shot(page, 'flow-bilingual-en');
    await page.getByLabel('Show two languages side by side').uncheck();

    // — Review.
    await page.getByRole('link', { name: 'Review and finalise', exact: true }).click();
    await page.getByRole('table', { name: 'Coverage per domain' }).waitFor();
    const list = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
    await list('Flagged for review').getByRole('link', { name: /^1\.1\.5 / }).waitFor();
    await list('Low-confidence ratings').getByRole('link', { name: /^1\.1\.4 / }).waitFor();
    await list('Level 3 or above without evidence').getByRole('link', { name: /^1\.1\.5 / }).waitFor();
    await list('Sessions without linked input').getByText('Every session has input or is cited.').waitFor();
    await shot(page, 'flow-review-en');

    // — Finalise: read-only afterwards.
    await page.getByRole('button', { name: 'Finalise…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Finalise this assessment' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Signed off by').inputValue()).toBe('Aiko Tanaka');
    await shot(page, 'flow-finalise-dialog-en', false);
    await dialog.getByRole('button', { name: 'Finalise and make read-only' }).click();
    await page.getByText('Final and read-only.').waitFor();
    await treeLinkAfterTab(page, '1.1.1');
    expect(await page.getByLabel('Evidence and notes').isEditable()).toBe(false);
    expect(await page.getByLabel('Attach evidence files').count()).toBe(0);
    await shot(page, 'flow-final-rating-en');

    // — Reopen with a reason; the next change carries it.
    await page.getByRole('link', { name: 'Review and finalise', exact: true }).click();
    await page.getByRole('button', { name: 'Reopen…' }).click();
    const reopen = page.getByRole('dialog', { name: 'Reopen this assessment' });
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await reopen.getByText('Enter a reason.').waitFor();
    await reopen.getByLabel('Reason for reopening').fill(reopenReason);
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await page.getByText(`Reason: ${reopenReason}`, { exact: false }).waitFor();
    await go(page, `#/a/${id}/i/hygiene.strategy.review`);
    await page.getByText('Indicator 1.1.5', { exact: true }).waitFor();
    await page.keyboard.press('3');
    await page.getByLabel('Evidence and notes').fill('Annual implementation report 2024 seen.');
    await waitSaved(page);
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await page.getByRole('cell', { name: reopenReason }).first().waitFor();
    await shot(page, 'flow-history-en');
    expect(external).toEqual([]);
    await context.close();

    // — What is stored on disk.
    const stored = await readStored(e2e.dataDir, id);
    expect(stored.status).toBe('draft');
    expect(stored.scope).toEqual({ kind: 'agency', name: 'Cyber Security Authority' });
    expect(stored.team).toEqual([
      { name: 'Aiko Tanaka', role: 'Team leader' },
      { name: 'Kwame Mensah', role: 'Assessor' },
    ]);
    expect(stored.period).toEqual({ from: '2025-03-10', to: '2025-03-21' });
    expect(stored.languages).toEqual(['en', 'ja']);
    expect(stored.targets).toEqual({ 'hygiene.strategy': 4 });
    expect(stored.context.donorSupport.hygiene).toEqual({ extent: 2, who: 'World Bank digital project; EU CyberNet' });
    expect(stored.context.japaneseBusinessPresence).toBe(2);
    expect(stored.context.absorptiveCapacity).toBe(1);

    const responses = stored.responses;
    expect(Object.values(responses).filter((r) => r.rating).length).toBe(11);
    expect(responses['hygiene.strategy.document']).toMatchObject({ rating: { kind: 'level', level: 3 }, confidence: 'high', updatedBy: 'Aiko Tanaka' });
    expect(responses['hygiene.strategy.lead-agency']?.rating).toEqual({ kind: 'notApplicable', reason: 'The lead agency itself is the scope of this assessment.' });
    expect(responses['hygiene.strategy.budget']).toMatchObject({ rating: { kind: 'level', level: 2 }, confidence: 'low', attachmentIds: [] });
    expect(stored.history.filter((e) => e.field === 'response:hygiene.strategy.budget.attachments').map((e) => [e.from === null, e.to === null])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(responses['hygiene.strategy.review']).toMatchObject({ rating: { kind: 'level', level: 3 }, flagged: true, notes: 'Annual implementation report 2024 seen.' });
    expect(responses['hygiene.incident-management.reporting']?.rating).toEqual({ kind: 'level', level: 3 });
    expect(responses['hygiene.incident-management.classification']?.rating).toEqual({ kind: 'unknown' });

    expect(stored.sessions.map((s) => [s.title, s.cluster, s.participants, s.nonAttributable])).toEqual([
      ['National CSIRT, technical team', 'csirt', 5, false],
      ['Ministries roundtable', 'ministries', 8, true],
    ]);
    const [csirt, ministries] = stored.sessions;
    expect(csirt!.inputs['hygiene.strategy.document']).toMatchObject({ note: 'CSIRT says the strategy was adopted by cabinet in 2023.', level: 3 });
    expect(csirt!.inputs['hygiene.strategy.lead-agency']?.note).toBe('Lead agency named in the strategy; CSIRT reports to it.');
    expect(ministries!.inputs['hygiene.strategy.document']).toMatchObject({ note: 'Ministries unaware of their tasks under the strategy.', level: 2 });
    expect(responses['hygiene.strategy.document']?.sessionIds).toEqual([csirt!.id]);

    // The attachment: copied into the store under its SHA-256, listed with its name and size.
    const digest = sha256(evidenceBytes);
    expect(responses['hygiene.strategy.document']?.attachmentIds).toEqual([digest]);
    expect(stored.attachments).toContainEqual(expect.objectContaining({ id: digest, size: evidenceBytes.byteLength, fileName: basename(evidence) }));
    const file = join(e2e.dataDir, 'attachments', digest);
    expect((await stat(file)).size).toBe(evidenceBytes.byteLength);
    expect(sha256(await readFile(file))).toBe(digest);

    // Sign-off, reopen, and the reason on every change after the reopen.
    expect(stored.signOff?.by).toBe('Aiko Tanaka');
    expect(stored.reopened).toMatchObject({ by: 'Aiko Tanaka', reason: reopenReason });
    const history = stored.history;
    const finalised = history.findIndex((e) => e.field === 'status' && e.to === 'final');
    const reopened = history.findIndex((e) => e.field === 'status' && e.from === 'final');
    expect(finalised).toBeGreaterThan(0);
    expect(reopened).toBeGreaterThan(finalised);
    const after = history.slice(reopened);
    expect(after.map((e) => e.field)).toEqual(expect.arrayContaining(['status', 'response:hygiene.strategy.review.rating', 'response:hygiene.strategy.review.notes']));
    for (const entry of after) expect(entry.reason, entry.field).toBe(reopenReason);
    expect(history.slice(0, finalised).every((e) => e.reason === undefined)).toBe(true);
    await removeDir(evidence);
  });
});

/** After finalising, open the rating view at an indicator through the tabs and tree. */
async function treeLinkAfterTab(page: Page, number: string) {
  await page.getByRole('link', { name: 'Rating', exact: true }).click();
  await treeLink(page, number).click();
  await page.getByText(`Indicator ${number}`, { exact: true }).waitFor();
}
