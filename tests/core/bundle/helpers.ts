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
  return async (dataDir: string, installationName = `laptop-${join(dataDir).slice(-6)}`): Promise<Folder> => {
    const store = await openAssessmentStore({ dataDir, now });
    open.push(store);
    const exchange = createExchange({
      dataDir,
      store,
      attachments: attachmentFiles(dataDir),
      appVersion: '0.0.0-test',
      now,
      newId: randomUUID,
      hasFramework: () => true,
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
  name: string;
  data: Uint8Array;
  method?: 0 | 8;
  /** What the headers claim; defaults to the data's length (stored) or must be given (deflated). */
  uncompressedSize?: number;
  unixMode?: number;
}

/**
 * A zip written byte by byte, so the tests can make what no zip library will: unsafe names,
 * duplicate names, symlinks, lying sizes and more than 65,535 entries (zip64 end records).
 */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method ?? 0;
    const size = entry.uncompressedSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const count = entries.length;
  const tail: Buffer[] = [];
  if (count > 0xffff) {
    const zip64 = Buffer.alloc(56);
    zip64.writeUInt32LE(0x06064b50, 0);
    zip64.writeBigUInt64LE(44n, 4);
    zip64.writeUInt16LE(45, 12);
    zip64.writeUInt16LE(45, 14);
    zip64.writeBigUInt64LE(BigInt(count), 24);
    zip64.writeBigUInt64LE(BigInt(count), 32);
    zip64.writeBigUInt64LE(BigInt(directory.length), 40);
    zip64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(zip64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, ...tail, end]));
}

/**
 * Deflate data that inflates to `mib` MiB of zeros, made in milliseconds: one flushed block
 * for 1 MiB repeated, then an empty final block. Nothing ever holds the inflated bytes.
 */
export function zerosDeflated(mib: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return new Uint8Array(Buffer.concat([...Array<Buffer>(mib).fill(block), Buffer.from([3, 0])]));
}
