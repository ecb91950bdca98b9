import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { afterAll, afterEach } from 'vitest';
import { openCore } from '../../../core/api/open-core.node.ts';
import { createExchange } from '../../../core/bundle/exchange.node.ts';
import { readZipEntries, writeZip } from '../../../core/bundle/zip.node.ts';
import { defaultBundleLimits } from '../../../core/bundle/format';
import type { Assessment } from '../../../core/model/assessment';
import { toBase64 } from '../../../core/report/bytes';
import { openAssessmentStore, type AssessmentStore } from '../../../core/store/assessment-store.node.ts';
import { attachmentFiles } from '../../../core/store/attachments.node.ts';
import { seedDataDir } from '../report/seed-store';
import { assessmentsDir } from '../api/core-harness';

export const now = () => new Date('2026-03-10T08:00:00Z');
export const evidence = [new TextEncoder().encode('%PDF-1.4 decree on the national CSIRT\n'), new Uint8Array([0, 1, 2, 3, 255, 254, 253])];

let template: { dir: string; assessment: Assessment } | undefined;
afterAll(async () => {
  if (template !== undefined) await rm(template.dir, { recursive: true, force: true });
  template = undefined;
});

/**
 * The seeded assessment of the report tests plus two attachments, one of them on two indicators.
 * Made once through the API, then copied: every test still gets its own folder.
 */
export async function seedWithAttachments(dataDir: string): Promise<Assessment> {
  if (template === undefined) {
    const dir = await mkdtemp(join(tmpdir(), 'ccat-bundle-seed-'));
    template = { dir, assessment: await seedThroughApi(dir) };
  }
  await cp(template.dir, dataDir, { recursive: true });
  return structuredClone(template.assessment);
}

async function seedThroughApi(dataDir: string): Promise<Assessment> {
  const seeded = await seedDataDir(dataDir);
  const core = await openCore({ dataDir, assessmentsDir, appVersion: '0.0.0-test' });
  try {
    const attach = async (indicatorId: string, bytes: Uint8Array, fileName: string) => {
      const result = await core.dispatch('addAttachment', { id: seeded.id, indicatorId, fileName, mediaType: 'application/pdf', contentBase64: toBase64(bytes) });
      if (!result.ok) throw new Error(result.error.message);
    };
    await attach('hygiene.csirt.mandate', evidence[0]!, 'decree.pdf');
    await attach('hygiene.strategy.document', evidence[0]!, 'decree.pdf');
    await attach('hygiene.strategy.document', evidence[1]!, 'photo.bin');
    const result = await core.dispatch('getAssessment', { id: seeded.id });
    if (!result.ok) throw new Error(result.error.message);
    return result.data as Assessment;
  } finally {
    await core.close();
  }
}

export interface Folder {
  dataDir: string;
  store: AssessmentStore;
  exchange: ReturnType<typeof createExchange>;
}

/** Exchanges over real data folders, closed after each test; scrypt kept cheap so passphrase tests stay quick. */
export function useFolders() {
  const open: AssessmentStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });
  return async (dataDir: string, installationName = `laptop-${join(dataDir).slice(-6)}`, hasFramework: (id: string, version: string) => boolean = () => true): Promise<Folder> => {
    const store = await openAssessmentStore({ dataDir, now });
    open.push(store);
    const exchange = createExchange({
      dataDir,
      store,
      attachments: attachmentFiles(dataDir),
      appVersion: '0.0.0-test',
      now,
      newId: randomUUID,
      hasFramework,
      installationName,
      scryptWorkFactor: 10,
    });
    return { dataDir, store, exchange };
  };
}

export function bytesOf(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

export async function entriesOf(bundle: Uint8Array): Promise<Map<string, Uint8Array>> {
  return readZipEntries(bundle, defaultBundleLimits);
}

/** The bundle with its entries changed by `change` and zipped again (its manifest and signature untouched unless changed). */
export async function rezip(bundle: Uint8Array, change: (entries: Map<string, Uint8Array>) => void): Promise<Uint8Array> {
  const entries = await entriesOf(bundle);
  change(entries);
  return writeZip([...entries].map(([name, bytes]) => ({ name, bytes })));
}

export function editText(bytes: Uint8Array, edit: (text: string) => string): Uint8Array {
  return new TextEncoder().encode(edit(new TextDecoder().decode(bytes)));
}

export interface RawEntry {
  /** A string is written as UTF-8; bytes are written as they are. */
  name: string | Uint8Array;
  data: Uint8Array;
  /** 0 stored, 8 deflated; anything else is a method CCAT does not read. */
  method?: number;
  /** Sets the "encrypted" bit of the general-purpose flags (traditional zip encryption). */
  encrypted?: boolean;
  /** The host that made the entry: 3 Unix (the default), 0 MS-DOS, whose attributes hold no file type. */
  madeBy?: number;
  /** What the headers claim; defaults to the data's length (stored) or must be given (deflated). */
  uncompressedSize?: number;
  unixMode?: number;
}

/**
 * A zip written byte by byte, so the tests can make what no zip library will: unsafe names,
 * duplicate names, symlinks, lying sizes and more than 65,535 entries (zip64 end records).
 */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const names = entries.map((entry) => (typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : Buffer.from(entry.name)));
  const localBytes = entries.reduce((sum, entry, i) => sum + 30 + names[i]!.length + entry.data.length, 0);
  const centralBytes = names.reduce((sum, name) => sum + 46 + name.length, 0);
  const count = entries.length;
  const zip64 = count > 0xffff;
  // One buffer for everything: 100,000 entries are written in milliseconds.
  const out = Buffer.alloc(localBytes + centralBytes + (zip64 ? 76 : 0) + 22);
  let local = 0;
  let central = localBytes;
  entries.forEach((entry, i) => {
    const name = names[i]!;
    const method = entry.method ?? 0;
    const size = Math.min(entry.uncompressedSize ?? entry.data.length, 0xffffffff);
    const flags = 0x0800 | (entry.encrypted ? 1 : 0);
    out.writeUInt32LE(0x04034b50, local);
    out.writeUInt16LE(20, local + 4);
    out.writeUInt16LE(flags, local + 6);
    out.writeUInt16LE(method, local + 8);
    out.writeUInt16LE(0x21, local + 12);
    out.writeUInt32LE(entry.data.length, local + 18);
    out.writeUInt32LE(size, local + 22);
    out.writeUInt16LE(name.length, local + 26);
    name.copy(out, local + 30);
    out.set(entry.data, local + 30 + name.length);
    out.writeUInt32LE(0x02014b50, central);
    out.writeUInt16LE(((entry.madeBy ?? 3) << 8) | 20, central + 4);
    out.writeUInt16LE(20, central + 6);
    out.writeUInt16LE(flags, central + 8);
    out.writeUInt16LE(method, central + 10);
    out.writeUInt16LE(0x21, central + 14);
    out.writeUInt32LE(entry.data.length, central + 20);
    out.writeUInt32LE(size, central + 24);
    out.writeUInt16LE(name.length, central + 28);
    out.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, central + 38);
    out.writeUInt32LE(local, central + 42);
    name.copy(out, central + 46);
    local += 30 + name.length + entry.data.length;
    central += 46 + name.length;
  });
  let end = central;
  if (zip64) {
    out.writeUInt32LE(0x06064b50, end);
    out.writeBigUInt64LE(44n, end + 4);
    out.writeUInt16LE(45, end + 12);
    out.writeUInt16LE(45, end + 14);
    out.writeBigUInt64LE(BigInt(count), end + 24);
    out.writeBigUInt64LE(BigInt(count), end + 32);
    out.writeBigUInt64LE(BigInt(centralBytes), end + 40);
    out.writeBigUInt64LE(BigInt(localBytes), end + 48);
    out.writeUInt32LE(0x07064b50, end + 56);
    out.writeBigUInt64LE(BigInt(central), end + 64);
    out.writeUInt32LE(1, end + 72);
    end += 76;
  }
  out.writeUInt32LE(0x06054b50, end);
  out.writeUInt16LE(Math.min(count, 0xffff), end + 8);
  out.writeUInt16LE(Math.min(count, 0xffff), end + 10);
  out.writeUInt32LE(centralBytes, end + 12);
  out.writeUInt32LE(localBytes, end + 16);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * Deflate data that inflates to `mib` MiB of zeros, made in milliseconds: one flushed block
 * for 1 MiB repeated, then an empty final block. Nothing ever holds the inflated bytes.
 */
export function zerosDeflated(mib: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return new Uint8Array(Buffer.concat([...Array<Buffer>(mib).fill(block), Buffer.from([3, 0])]));
}
