import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { defaultBundleLimits, type BundleLimits } from '../../../core/bundle/format';
import { readZipEntries, writeZip } from '../../../core/bundle/zip.node.ts';
import { coreFailure } from '../store/helpers';
import { rawZip, zerosDeflated, type RawEntry } from './helpers';

const MiB = 1024 * 1024;
const text = (value: string) => new TextEncoder().encode(value);
const attachmentName = (digit: string) => `attachments/${digit.repeat(64)}`;

/** What readZipEntries refuses `entries` with: the reason, the entry named if any, and the sentence a user reads. */
async function refusal(entries: readonly RawEntry[] | Uint8Array, limits: Partial<BundleLimits> = {}) {
  const bytes = entries instanceof Uint8Array ? entries : rawZip(entries);
  const error = await coreFailure(readZipEntries(bytes, { ...defaultBundleLimits, ...limits }));
  const { reason, entry } = error.details as { reason: string; entry?: string };
  return { code: error.code, reason, ...(entry === undefined ? {} : { entry }), message: error.message };
}

describe('reading a .ccat zip', () => {
  it('gives back every entry byte for byte, in the order written', async () => {
    const entries = [
      { name: 'manifest.json', bytes: text('{"a":1}') },
      { name: attachmentName('a'), bytes: new Uint8Array([0, 255, 1, 254]) },
      { name: 'signature.json', bytes: new Uint8Array(0) },
    ];
    const read = await readZipEntries(await writeZip(entries), defaultBundleLimits);
    expect([...read].map(([name, bytes]) => [name, [...bytes]])).toEqual(entries.map((e) => [e.name, [...e.bytes]]));
  });

  it('refuses bytes that are no zip at all, saying so', async () => {
    expect(await refusal(text('PK not really a zip file, only its first two letters'))).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'not-a-zip',
      // The zip reader's own words for what it found wrong.
      message: 'The file is not a readable .ccat file: it is not a readable zip archive (End of central directory record signature not found. Either not a zip file, or file is truncated.).',
    });
  });

  it('refuses one entry more than the limit, and names both counts', async () => {
    const entries = Array.from({ length: 4 }, (_, i) => ({ name: `x${i}`, data: new Uint8Array(0) }));
    expect(await refusal(entries, { maxEntries: 3 })).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'too-many-entries',
      message: 'The file holds 4 entries; a .ccat file may hold at most 3.',
    });
    expect((await readZipEntries(rawZip(entries.slice(0, 3).map((e, i) => ({ ...e, name: attachmentName(String(i)) }))), { ...defaultBundleLimits, maxEntries: 3 })).size).toBe(3);
  });

  it('refuses an entry name that is not UTF-8', async () => {
    expect(await refusal([{ name: new Uint8Array([0x6d, 0xff, 0xfe]), data: new Uint8Array(0) }])).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'unsafe-entry-name',
      message: 'An entry name in the file is not UTF-8 text; the file was not made by CCAT.',
    });
  });

  it.each([
    ['zip encryption', { encrypted: true }],
    ['bzip2 compression (method 12)', { method: 12 }],
  ])('refuses an entry stored with %s', async (_, how) => {
    expect(await refusal([{ name: 'manifest.json', data: text('{}'), ...how }])).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'unsupported-entry',
      entry: 'manifest.json',
      message: 'The entry "manifest.json" is stored in a way CCAT does not read (zip encryption or an unusual compression).',
    });
  });

  it('refuses declared sizes that together unpack past the total limit, in megabytes', async () => {
    const half = new Uint8Array(1.5 * MiB);
    const entries = [
      { name: attachmentName('a'), data: half },
      { name: attachmentName('b'), data: half },
    ];
    expect(await refusal(entries, { maxTotalBytes: 2 * MiB })).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'total-too-large',
      message: 'The file unpacks to 3.0 MB; a .ccat file may unpack to at most 2.0 MB.',
    });
    expect((await readZipEntries(rawZip(entries), { ...defaultBundleLimits, maxTotalBytes: 3 * MiB })).size).toBe(2);
  });

  it('refuses an entry declared larger than its kind may be: JSON and attachments have their own limits', async () => {
    const twoMiB = { data: new Uint8Array(2 * MiB) };
    expect(await refusal([{ name: 'manifest.json', ...twoMiB }], { maxJsonBytes: 1.5 * MiB })).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'entry-too-large',
      entry: 'manifest.json',
      message: 'The entry "manifest.json" is 2.0 MB; such an entry may be at most 1.5 MB.',
    });
    expect((await refusal([{ name: attachmentName('c'), ...twoMiB }], { maxAttachmentBytes: 1.5 * MiB })).reason).toBe('entry-too-large');
    // At the limit is allowed, and each limit applies to its own kind only.
    expect((await readZipEntries(rawZip([{ name: 'manifest.json', ...twoMiB }]), { ...defaultBundleLimits, maxJsonBytes: 2 * MiB })).size).toBe(1);
    expect((await readZipEntries(rawZip([{ name: attachmentName('c'), ...twoMiB }]), { ...defaultBundleLimits, maxJsonBytes: 1.5 * MiB })).size).toBe(1);
    expect((await readZipEntries(rawZip([{ name: 'manifest.json', ...twoMiB }]), { ...defaultBundleLimits, maxAttachmentBytes: 1.5 * MiB })).size).toBe(1);
  });

  it('refuses an honestly declared entry that expands past the ratio, but not one under the floor', async () => {
    const bomb = { name: attachmentName('d'), data: zerosDeflated(2), method: 8, uncompressedSize: 2 * MiB };
    expect(await refusal([bomb], { maxCompressionRatio: 100, ratioFloorBytes: MiB })).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'compression-ratio',
      entry: bomb.name,
      message: `The entry "${bomb.name}" expands more than 100 times when unpacked, which only a "zip bomb" does; the file was refused.`,
    });
    // Exactly at the ratio is allowed (a stored entry expands 1:1).
    expect((await readZipEntries(rawZip([{ name: 'manifest.json', data: text('{}') }]), { ...defaultBundleLimits, maxCompressionRatio: 1, ratioFloorBytes: 0 })).size).toBe(1);
    // Under the floor, a high ratio is ordinary (a page of zeros): it is read.
    expect((await readZipEntries(rawZip([bomb]), { ...defaultBundleLimits, ratioFloorBytes: 2 * MiB })).get(bomb.name)?.length).toBe(2 * MiB);
  });

  it('stops an entry the moment it yields more than it declared', async () => {
    const liar = { name: attachmentName('e'), data: deflateRawSync(new Uint8Array(1.5 * MiB)), method: 8, uncompressedSize: MiB };
    expect(await refusal([liar], { ratioFloorBytes: 4 * MiB })).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'entry-too-large',
      entry: liar.name,
      message: `The entry "${liar.name}" holds more than the 1.0 MB it declares.`,
    });
  });

  it('refuses an entry that yields fewer bytes than it declared', async () => {
    const short = { name: 'manifest.json', data: deflateRawSync(text('{"a":1}')), method: 8, uncompressedSize: 20 };
    expect(await refusal([short])).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'damaged-zip',
      entry: 'manifest.json',
      message: 'The file is not a readable .ccat file: the entry "manifest.json" holds 7 bytes instead of the 20 it declares.',
    });
  });

  it('refuses an entry whose compressed data is damaged, naming it', async () => {
    const broken = { name: 'manifest.json', data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), method: 8, uncompressedSize: 10 };
    expect(await refusal([broken])).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'damaged-zip',
      entry: 'manifest.json',
      message: expect.stringMatching(/^The file is not a readable \.ccat file: the entry "manifest\.json" is damaged \(.+\)\.$/),
    });
  });

  it('refuses a file whose list of entries breaks off, saying so', async () => {
    const zip = Buffer.from(rawZip([{ name: 'manifest.json', data: text('{}') }, { name: 'assessment.json', data: text('{}') }]));
    // The second central directory header's signature: yauzl reads the first entry, then meets garbage.
    const second = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 1);
    zip.writeUInt32LE(0xdeadbeef, second);
    expect(await refusal(zip)).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'damaged-zip',
      message: expect.stringMatching(/^The file is not a readable \.ccat file: its list of entries is damaged \(invalid central directory file header signature: 0xdeadbeef\)\.$/),
    });
  });

  it('refuses an entry whose local header is damaged, naming it', async () => {
    const zip = Buffer.from(rawZip([{ name: 'manifest.json', data: text('{}') }]));
    zip.writeUInt32LE(0xdeadbeef, 0);
    expect(await refusal(zip)).toEqual({
      code: 'INVALID_BUNDLE',
      reason: 'damaged-zip',
      entry: 'manifest.json',
      message: 'The file is not a readable .ccat file: the entry "manifest.json" cannot be read (invalid local file header signature: 0xdeadbeef).',
    });
  });

  it('takes symlink bits for a symlink only in an entry made on Unix (MS-DOS attributes hold no file type)', async () => {
    const entry = { name: 'manifest.json', data: text('{}'), unixMode: 0o120777 };
    expect((await refusal([entry])).reason).toBe('symlink-entry');
    expect((await readZipEntries(rawZip([{ ...entry, madeBy: 0 }]), defaultBundleLimits)).get('manifest.json')).toEqual(text('{}'));
  });

  it('writes deflated entries stamped 1 January 2000, so no clock leaks into the file', async () => {
    const zip = Buffer.from(await writeZip([{ name: attachmentName('f'), bytes: new Uint8Array(100_000) }]));
    expect(zip.length).toBeLessThan(1000);
    // The local header's DOS date (offset 12): years since 1980 in its top seven bits; yazl writes local time.
    expect([1999, 2000]).toContain((zip.readUInt16LE(12) >> 9) + 1980);
  });
});
