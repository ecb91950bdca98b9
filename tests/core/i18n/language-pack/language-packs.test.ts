import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedContentTexts } from '../../../../core/i18n/language-pack/pack-store.node.ts';
import type { PackRefusal } from '../../../../core/i18n/language-pack/types';
import { failure, ok, useCores } from '../../api/core-harness';
import { exists, snapshotTree } from '../../store/helpers';
import { addXliffUnit, editWorkbook, exportPack, importInput, setXliffNote, setXliffTarget } from './pack-files';

const { core, closeCore } = useCores();
const packPath = (dataDir: string, language: string) => join(dataDir, 'language-packs', `${language}.json`);

describe('XLIFF round trip', () => {
  it('a changed UI string, plural group, framework text and guide heading show in the app after import, and after a restart', async () => {
    const api = await core();
    let xml = (await exportPack(api, 'km', 'xliff')).text;
    expect(xml).toContain('version="2.0"');
    expect(xml).toContain('trgLang="km"');
    xml = setXliffTarget(xml, 'common:app.tagline', 'ឧបករណ៍វាយតម្លៃសមត្ថភាពសាយប័រ');
    xml = setXliffTarget(xml, 'common:home.count_other', 'ការវាយតម្លៃ {{count}}');
    xml = setXliffTarget(xml, 'framework:levels/3/name', 'បានបង្កើតឡើង');
    xml = setXliffTarget(xml, 'guide:rating/0', '២. ការវាយតម្លៃសូចនាករ');

    const installed = await ok(api, 'importLanguagePack', importInput('km.xlf', xml));
    expect(installed).toMatchObject({ language: 'km', status: { kind: 'draft' }, units: 4, translated: 4, warnings: [] });

    const strings = await ok(api, 'getUiStrings', { language: 'km' });
    expect(strings.resources.common).toMatchObject({ app: { tagline: 'ឧបករណ៍វាយតម្លៃសមត្ថភាពសាយប័រ' }, home: { count_other: 'ការវាយតម្លៃ {{count}}' } });
    expect(strings.pack).toEqual({ kind: 'draft' });
    expect(await installedContentTexts(api.dataDir, 'framework', 'ccat', '1.1.0', 'km')).toEqual({ 'levels/3/name': 'បានបង្កើតឡើង' });
    expect(await installedContentTexts(api.dataDir, 'framework', 'ccat', '1.0.0', 'km')).toEqual({});
    const guide = await ok(api, 'getGuide', { language: 'km' });
    expect(guide.markdown).toContain('## ២. ការវាយតម្លៃសូចនាករ {#rating}');
    expect(guide.markdown).toContain('## 3. How scores are computed {#scores}');

    await closeCore(api);
    const reopened = await core(api.dataDir);
    expect((await ok(reopened, 'getUiStrings', { language: 'km' })).resources.common).toMatchObject({ app: { tagline: 'ឧបករណ៍វាយតម្លៃសមត្ថភាពសាយប័រ' } });
    const km = (await ok(reopened, 'listLanguages', {})).find((l) => l.code === 'km')!;
    expect(km.pack).toMatchObject({ status: { kind: 'draft' }, fileName: 'km.xlf', units: 4 });
    expect(km.completeness.ui).toBeGreaterThan(0);
    // A new export carries the installed texts, so a translator continues where the pack left off.
    expect((await exportPack(reopened, 'km', 'xliff')).text).toContain('<target>បានបង្កើតឡើង</target>');
  });

  it('a pack can correct a shipped language: only the changed texts are stored, the rest stays shipped', async () => {
    const api = await core();
    const xml = setXliffTarget((await exportPack(api, 'ja', 'xliff')).text, 'report:title', 'サイバー能力評価報告書（修正版）');
    expect(await ok(api, 'importLanguagePack', importInput('ja.xlf', xml))).toMatchObject({ language: 'ja', units: 1 });
    const stored = JSON.parse(await readFile(packPath(api.dataDir, 'ja'), 'utf8')) as { texts: Record<string, string> };
    expect(stored.texts).toEqual({ 'report:title': 'サイバー能力評価報告書（修正版）' });
    const strings = await ok(api, 'getUiStrings', { language: 'ja' });
    expect(strings.resources.report).toMatchObject({ title: 'サイバー能力評価報告書（修正版）', country: '国・地域' });
  });
});

describe('XLSX round trip', () => {
  it('a workbook edited in a spreadsheet installs; "reviewed" is accepted only with a reviewer and a date', async () => {
    const api = await core();
    const exported = await exportPack(api, 'fr', 'xlsx');
    const edited = await editWorkbook(exported.bytes, { 'common:app.tagline': "Outil d'évaluation des capacités cyber" }, { 'Status (draft or reviewed)': 'reviewed' });

    const refused = await failure(api, 'importLanguagePack', importInput('fr.xlsx', edited.bytes));
    expect(refused.code).toBe('INVALID_INPUT');
    expect((refused.details as PackRefusal).problems).toEqual([expect.objectContaining({ code: 'bad-status', location: { sheet: 'About', row: 2 } })]);
    expect(refused.message).toMatch(/sheet "About", row 2: .*reviewer/);
    expect(await exists(join(api.dataDir, 'language-packs'))).toBe(false);

    const reviewed = await editWorkbook(edited.bytes, {}, { Reviewer: 'Awa Diop (ANSSI Sénégal)', 'Reviewed on (YYYY-MM-DD)': '2026-11-20' });
    // Told apart by content: a workbook named .xlf is still read as a workbook.
    const installed = await ok(api, 'importLanguagePack', importInput('named-wrongly.xlf', reviewed.bytes));
    expect(installed.status).toEqual({ kind: 'reviewed', reviewer: 'Awa Diop (ANSSI Sénégal)', reviewedOn: '2026-11-20' });
    expect((await ok(api, 'getUiStrings', { language: 'fr' })).resources.common).toMatchObject({ app: { tagline: "Outil d'évaluation des capacités cyber" } });
    const fr = (await ok(api, 'listLanguages', {})).find((l) => l.code === 'fr')!;
    expect(fr.pack?.status).toEqual({ kind: 'reviewed', reviewer: 'Awa Diop (ANSSI Sénégal)', reviewedOn: '2026-11-20' });
    expect(fr.shipped).toEqual({ kind: 'draft' });
  });

  it('a refused workbook names the sheet and row of each problem', async () => {
    const api = await core();
    const { bytes, rows } = await editWorkbook((await exportPack(api, 'vi', 'xlsx')).bytes, { 'common:home.count_other': 'đánh giá' });
    const refused = await failure(api, 'importLanguagePack', importInput('vi.xlsx', bytes));
    expect(refused.message).toContain(`sheet "Translation", row ${rows['common:home.count_other']}, "common:home.count_other": the translation lacks {{count}}`);
  });
});

describe('a bad pack is refused and changes nothing', () => {
  const good = (xml: string) => setXliffTarget(xml, 'common:app.tagline', "Outil d'évaluation");
  const cases: Array<[string, (xml: string) => string, string, RegExp]> = [
    ['a missing placeholder', (xml) => setXliffTarget(xml, 'report:generatedAt', 'Généré avec CCAT {{version}}'), 'placeholder-missing', /"report:generatedAt": the translation lacks \{\{date\}\}/],
    [
      'a plural set without the "many" form French needs',
      (xml) => setXliffTarget(setXliffTarget(xml, 'common:home.count_one', '{{count}} évaluation'), 'common:home.count_other', '{{count}} évaluations'),
      'plural-forms',
      /"common:home.count": French needs the plural forms "one", "many", "other"; "many" is missing/,
    ],
    ['a plural form French does not have', (xml) => addXliffUnit(xml, 'common:home.count_few', '{{count}} évaluations'), 'plural-forms', /French has no plural form "few"/],
    ['an unknown key', (xml) => addXliffUnit(xml, 'common:home.noSuchKey', 'Bonjour'), 'unknown-key', /"common:home.noSuchKey": CCAT has no text with this key/],
    ['markup the source does not have', (xml) => setXliffTarget(xml, 'common:app.offline', '<b>Hors ligne</b>', true), 'markup', /"common:app.offline": the translation contains markup/],
    ['markup typed as text', (xml) => setXliffTarget(xml, 'common:app.offline', '<i>Hors ligne</i>'), 'markup', /"common:app.offline": the translation contains markup/],
  ];

  it.each(cases)('%s: refused with the line and the reason; the installed pack stays byte for byte', async (_, spoil, code, message) => {
    const api = await core();
    const exported = (await exportPack(api, 'fr', 'xliff')).text;
    await ok(api, 'importLanguagePack', importInput('fr.xlf', good(exported)));
    const before = await snapshotTree(api.dataDir);

    const refused = await failure(api, 'importLanguagePack', importInput('fr.xlf', spoil(setXliffTarget(exported, 'common:app.tagline', 'Autre chose'))));
    expect(refused.code).toBe('INVALID_INPUT');
    const { problems } = refused.details as PackRefusal;
    expect(problems.map((p) => p.code)).toEqual([code]);
    expect(problems[0]!.location).toEqual({ line: expect.any(Number) });
    expect(refused.message).toMatch(/^fr\.xlf was refused and nothing was installed: 1 problem\.\n- line \d+, /);
    expect(refused.message).toMatch(message);
    expect(await snapshotTree(api.dataDir)).toEqual(before);
    expect((await ok(api, 'getUiStrings', { language: 'fr' })).resources.common).toMatchObject({ app: { tagline: "Outil d'évaluation" } });
  });

  it('lists several problems at once, each with its line', async () => {
    const api = await core();
    let xml = (await exportPack(api, 'ar', 'xliff')).text;
    xml = setXliffTarget(xml, 'report:generatedAt', 'تم الإنشاء');
    xml = addXliffUnit(xml, 'common:gone.key', 'نص');
    xml = setXliffTarget(xml, 'common:home.count_other', '{{count}} تقييمات');
    const refused = await failure(api, 'importLanguagePack', importInput('ar.xlf', xml));
    const { problems, more } = refused.details as PackRefusal;
    expect(problems.map((p) => [p.code, p.key])).toEqual([
      ['placeholder-missing', 'report:generatedAt'],
      ['unknown-key', 'common:gone.key'],
      ['plural-forms', 'common:home.count'],
    ]);
    expect(more).toBe(0);
    expect(problems.find((p) => p.code === 'plural-forms')!.message).toContain('"zero", "one", "two", "few", "many", "other"');
    expect(await exists(join(api.dataDir, 'language-packs'))).toBe(false);
  });

  it('refuses a language CCAT does not know and a file that is not a pack', async () => {
    const api = await core();
    const xml = (await exportPack(api, 'th', 'xliff')).text.replace('trgLang="th"', 'trgLang="de"');
    expect((await failure(api, 'importLanguagePack', importInput('de.xlf', xml))).message).toMatch(/line 2: "de" is not a language CCAT knows/);
    expect((await failure(api, 'importLanguagePack', importInput('notes.txt', 'key,translation\n'))).message).toMatch(/neither an XLIFF 2\.0 file nor an XLSX workbook/);
    expect((await failure(api, 'importLanguagePack', importInput('th.xlf', '<xliff version="2.0"><file id="ui"></unit></xliff>'))).message).toMatch(/not well-formed XML/);
    expect(await exists(join(api.dataDir, 'language-packs'))).toBe(false);
  });

  it('"reviewed" in an XLIFF needs a reviewer and a date', async () => {
    const api = await core();
    const xml = setXliffNote(setXliffTarget((await exportPack(api, 'id', 'xliff')).text, 'common:app.offline', 'Luring'), 'status', 'reviewed');
    const refused = await failure(api, 'importLanguagePack', importInput('id.xlf', setXliffNote(xml, 'reviewer', 'Sari Wijaya')));
    expect((refused.details as PackRefusal).problems.map((p) => p.code)).toEqual(['bad-status']);
    const installed = await ok(api, 'importLanguagePack', importInput('id.xlf', setXliffNote(setXliffNote(xml, 'reviewer', 'Sari Wijaya'), 'reviewedOn', '2026-11-30')));
    expect(installed.status).toEqual({ kind: 'reviewed', reviewer: 'Sari Wijaya', reviewedOn: '2026-11-30' });
  });
});

describe('length warnings', () => {
  it('a short label translated far longer is installed with a warning naming the line', async () => {
    const api = await core();
    const xml = setXliffTarget((await exportPack(api, 'th', 'xliff')).text, 'common:app.tagline', 'เครื่องมือประเมินขีดความสามารถด้านไซเบอร์ของหน่วยงานระดับชาติทั้งหมด');
    const installed = await ok(api, 'importLanguagePack', importInput('th.xlf', xml));
    expect(installed.warnings).toEqual([expect.objectContaining({ code: 'too-long', key: 'common:app.tagline', location: { line: expect.any(Number) } })]);
    expect(installed.warnings[0]!.length).toBeGreaterThan(installed.warnings[0]!.maxLength);
    expect(await exists(packPath(api.dataDir, 'th'))).toBe(true);
  });
});

describe('removal', () => {
  it('removes the pack file; the shipped strings are back', async () => {
    const api = await core();
    const xml = setXliffTarget((await exportPack(api, 'ja', 'xliff')).text, 'report:title', '差し替え');
    await ok(api, 'importLanguagePack', importInput('ja.xlf', xml));
    expect(await ok(api, 'removeLanguagePack', { language: 'ja' })).toEqual({ removed: true });
    expect(await exists(packPath(api.dataDir, 'ja'))).toBe(false);
    expect((await ok(api, 'getUiStrings', { language: 'ja' })).resources.report).toMatchObject({ title: 'サイバー能力評価報告書' });
    expect(await ok(api, 'removeLanguagePack', { language: 'ja' })).toEqual({ removed: false });
  });
});

describe('reports', () => {
  it("an exported report uses the installed pack's strings and framework texts", async () => {
    const api = await core();
    let xml = (await exportPack(api, 'ja', 'xliff')).text;
    xml = setXliffTarget(xml, 'report:title', '能力評価レポート（パック版）');
    xml = setXliffTarget(xml, 'framework:levels/3/name', '確立済み（パック版）');
    await ok(api, 'importLanguagePack', importInput('ja.xlf', xml));
    const { id } = await ok(api, 'createAssessment', { title: 'Ghana 2026', country: 'GH', mode: 'field' });
    await ok(api, 'updateResponse', { id, indicatorId: 'hygiene.csirt.mandate', patch: { rating: { kind: 'level', level: 3 } }, base: { rating: null } });
    const html = (await ok(api, 'exportAssessment', { id, format: 'html', language: 'ja' })).content;
    expect(html).toContain('能力評価レポート（パック版）');
    expect(html).toContain('確立済み（パック版）');
  });
});
