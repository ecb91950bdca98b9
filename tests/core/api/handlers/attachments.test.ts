import { describe, expect, it } from 'vitest';
import { snapshotTree } from '../../store/helpers';
import { failure, ok, useCores } from '../core-harness';

const { core } = useCores();
const base = { title: 'Ghana 2026', country: 'GH', mode: 'field' } as const;
const indicatorId = 'hygiene.csirt.mandate';
const content = Buffer.from('%PDF-1.4 the CSIRT decree').toString('base64');

describe('attachment commands', () => {
  it('keeps both names when the same content is attached under a second name', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', base);
    const first = await ok(api, 'addAttachment', { id, indicatorId, fileName: 'decree.pdf', mediaType: 'application/pdf', contentBase64: content });
    const second = await ok(api, 'addAttachment', { id, indicatorId, fileName: 'law-2024.pdf', mediaType: 'application/pdf', contentBase64: content });
    expect(second.id).toBe(first.id);

    const got = await ok(api, 'getAssessment', { id });
    expect(got.attachments.map((a) => a.fileName)).toEqual(['decree.pdf', 'law-2024.pdf']);
    expect(got.responses[indicatorId]!.attachmentIds).toEqual([first.id]);
  });

  it('refusing an attachment on a final assessment writes nothing to disk', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', base);
    await ok(api, 'finalizeAssessment', { id, by: 'A. Tanaka' });
    const before = await snapshotTree(api.dataDir);

    const refused = await failure(api, 'addAttachment', { id, indicatorId, fileName: 'late.pdf', mediaType: 'application/pdf', contentBase64: content });
    expect(refused).toMatchObject({ code: 'READ_ONLY' });
    expect(await snapshotTree(api.dataDir)).toEqual(before);
  });

  it('removes bidirectional and other control characters from the name it stores and offers for download', async () => {
    const api = await core();
    const { id } = await ok(api, 'createAssessment', base);
    const hostile = 'invoice\u202Efdp.exe\u2066\u2069\u202A\u202B\u202C\u202D\u2067\u2068\u0007\r\n';
    const meta = await ok(api, 'addAttachment', { id, indicatorId, fileName: hostile, mediaType: 'application/pdf', contentBase64: content });
    expect(meta.fileName).toBe('invoicefdp.exe');
    expect((await ok(api, 'getAssessment', { id })).attachments[0]!.fileName).toBe('invoicefdp.exe');
    expect((await ok(api, 'getAttachment', { id, attachmentId: meta.id })).fileName).toBe('invoicefdp.exe');

    expect(await failure(api, 'addAttachment', { id, indicatorId, fileName: '\u202E\u2066', mediaType: '', contentBase64: content })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
