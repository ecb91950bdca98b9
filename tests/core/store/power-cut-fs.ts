import { basename, dirname } from 'node:path';
import type { StoreFileHandle, StoreFs } from '../../../core/store/fs-port';

/**
 * An in-memory file system for the store's port that, like a real disk behind a page cache,
 * keeps what was written apart from what was made durable: file bytes become durable on the
 * file's fsync, directory entries (create, rename, unlink, mkdir) on an fsync of their
 * directory. `cutPowerAt(n)` makes the n-th call (counting every call, handle calls too) and
 * every later one fail, as if the machine died between two calls; `afterPowerCut` then returns
 * the disk as it could be found after the reboot:
 *  - "durable-only": everything not made durable is lost;
 *  - "some-pending": as real disks may, some of it survived: per directory a prefix of its
 *    pending entry changes (a journal keeps them in order), per file its old durable bytes,
 *    all its new bytes, or a torn prefix of them.
 * This is the crash-state exploration of ALICE (OSDI 2014), run in memory.
 */

type Entry = { kind: 'dir' } | { kind: 'file'; ino: number };

interface Inode {
  data: Uint8Array;
  durable: Uint8Array;
}

type NamespaceOp = { kind: 'set'; path: string; entry: Entry } | { kind: 'unlink'; path: string } | { kind: 'rename'; from: string; to: string };

export class PowerCut extends Error {
  readonly code = 'EIO';
  constructor() {
    super('simulated power cut');
  }
}

export type CrashMode = 'durable-only' | 'some-pending';

export interface DiskImage {
  namespace: Map<string, Entry>;
  inodes: Map<number, Inode>;
}

function errno(code: string, op: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${op} '${path}'`), { code });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export class PowerCutFs implements StoreFs {
  /** What a running program sees. */
  private readonly live: Map<string, Entry>;
  /** What survives a power cut for certain. */
  private readonly durable: Map<string, Entry>;
  private readonly inodes: Map<number, Inode>;
  /** Entry changes not yet made durable, per directory, in order. */
  private readonly pending = new Map<string, NamespaceOp[]>();
  private nextIno: number;
  private calls = 0;
  private cutAt = Number.POSITIVE_INFINITY;

  constructor(image?: DiskImage) {
    this.durable = new Map(image?.namespace ?? [['/', { kind: 'dir' }]]);
    this.live = new Map(this.durable);
    this.inodes = new Map([...(image?.inodes ?? new Map<number, Inode>())].map(([ino, inode]) => [ino, { data: inode.durable, durable: inode.durable }]));
    this.nextIno = Math.max(0, ...this.inodes.keys()) + 1;
  }

  /** Calls made so far; a cut at any number up to this one lands inside the work done. */
  get callCount(): number {
    return this.calls;
  }

  get powerIsCut(): boolean {
    return this.calls >= this.cutAt;
  }

  cutPowerAt(call: number): void {
    this.cutAt = call;
  }

  /** The disk after the reboot; `random` picks what of the pending work survived. */
  afterPowerCut(mode: CrashMode, random: () => number = Math.random): DiskImage {
    const namespace = new Map(this.durable);
    const inodes = new Map<number, Inode>();
    for (const [ino, inode] of this.inodes) {
      let survived = inode.durable;
      if (mode === 'some-pending' && inode.data !== inode.durable) {
        const roll = random();
        if (roll < 1 / 3) survived = inode.data;
        // Torn: part of the new bytes reached the disk. What was durable before an append stays.
        else if (roll < 2 / 3) {
          const from = isPrefix(inode.durable, inode.data) ? inode.durable.length : 0;
          survived = inode.data.slice(0, from + Math.floor(random() * (inode.data.length - from)));
        }
      }
      inodes.set(ino, { data: survived, durable: survived });
    }
    if (mode === 'some-pending') {
      for (const ops of this.pending.values()) {
        const kept = Math.floor(random() * (ops.length + 1));
        for (const op of ops.slice(0, kept)) apply(namespace, op);
      }
    }
    return { namespace, inodes };
  }

  /** Makes everything durable, as a clean shutdown would: the starting point of a scenario. */
  settle(): DiskImage {
    return { namespace: new Map(this.live), inodes: new Map([...this.inodes].map(([ino, inode]) => [ino, { data: inode.data, durable: inode.data }])) };
  }

  /** Bytes of a file as a running program sees them (for checks after a scenario). */
  bytes(path: string): Uint8Array | undefined {
    const entry = this.live.get(path);
    return entry?.kind === 'file' ? this.inodes.get(entry.ino)?.data : undefined;
  }

  paths(): string[] {
    return [...this.live.keys()].filter((path) => this.visible(path));
  }

  private step(): void {
    this.calls++;
    if (this.calls >= this.cutAt) throw new PowerCut();
  }

  private visible(path: string): boolean {
    for (let p = path; p !== '/'; p = dirname(p)) {
      if (this.live.get(dirname(p))?.kind !== 'dir' || !this.live.has(p)) return false;
    }
    return true;
  }

  private change(op: NamespaceOp, dir: string): void {
    apply(this.live, op);
    const ops = this.pending.get(dir) ?? [];
    ops.push(op);
    this.pending.set(dir, ops);
  }

  private lookup(path: string, op: string): Entry {
    if (!this.visible(path)) throw errno('ENOENT', op, path);
    return this.live.get(path)!;
  }

  private handle(path: string, entry: Entry, append: boolean): StoreFileHandle {
    return {
      writeFile: async (data) => {
        this.step();
        if (entry.kind !== 'file') throw errno('EISDIR', 'write', path);
        const inode = this.inodes.get(entry.ino)!;
        const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : Uint8Array.from(data);
        inode.data = append ? concat(inode.data, bytes) : bytes;
      },
      sync: async () => {
        this.step();
        if (entry.kind === 'file') {
          const inode = this.inodes.get(entry.ino)!;
          inode.durable = inode.data;
          return;
        }
        for (const op of this.pending.get(path) ?? []) apply(this.durable, op);
        this.pending.delete(path);
      },
      close: async () => {
        this.step();
      },
    };
  }

  async open(path: string, flags: string): Promise<StoreFileHandle> {
    this.step();
    if (flags === 'r') return this.handle(path, this.lookup(path, 'open'), false);
    if (flags !== 'wx' && flags !== 'a') throw new Error(`PowerCutFs: flags ${flags} are not modelled`);
    if (this.lookup(dirname(path), 'open').kind !== 'dir') throw errno('ENOTDIR', 'open', path);
    const existing = this.visible(path) ? this.live.get(path) : undefined;
    if (existing !== undefined) {
      if (flags === 'wx') throw errno('EEXIST', 'open', path);
      return this.handle(path, existing, true);
    }
    const ino = this.nextIno++;
    this.inodes.set(ino, { data: new Uint8Array(), durable: new Uint8Array() });
    const entry: Entry = { kind: 'file', ino };
    this.change({ kind: 'set', path, entry }, dirname(path));
    return this.handle(path, entry, flags === 'a');
  }

  async rename(from: string, to: string): Promise<void> {
    this.step();
    this.lookup(from, 'rename');
    if (this.lookup(dirname(to), 'rename').kind !== 'dir') throw errno('ENOTDIR', 'rename', to);
    this.change({ kind: 'rename', from, to }, dirname(to));
  }

  async unlink(path: string): Promise<void> {
    this.step();
    if (this.lookup(path, 'unlink').kind === 'dir') throw errno('EISDIR', 'unlink', path);
    this.change({ kind: 'unlink', path }, dirname(path));
  }

  async rmdir(path: string): Promise<void> {
    this.step();
    if (this.lookup(path, 'rmdir').kind !== 'dir') throw errno('ENOTDIR', 'rmdir', path);
    if ([...this.live.keys()].some((p) => p !== path && dirname(p) === path && this.visible(p))) throw errno('ENOTEMPTY', 'rmdir', path);
    this.change({ kind: 'unlink', path }, dirname(path));
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.step();
    const entry = this.lookup(path, 'read');
    if (entry.kind === 'dir') throw errno('EISDIR', 'read', path);
    return this.inodes.get(entry.ino)!.data.slice();
  }

  async readdir(path: string): Promise<string[]> {
    this.step();
    if (this.lookup(path, 'scandir').kind !== 'dir') throw errno('ENOTDIR', 'scandir', path);
    return [...this.live.keys()].filter((p) => p !== '/' && dirname(p) === path && this.visible(p)).map((p) => basename(p));
  }

  async mkdir(path: string, _options: { recursive: true }): Promise<string | undefined> {
    this.step();
    const missing: string[] = [];
    for (let p = path; !this.visible(p); p = dirname(p)) missing.unshift(p);
    for (const p of missing) this.change({ kind: 'set', path: p, entry: { kind: 'dir' } }, dirname(p));
    return missing[0];
  }

  async stat(path: string): Promise<{ isDirectory(): boolean; size: number }> {
    this.step();
    const entry = this.lookup(path, 'stat');
    const size = entry.kind === 'file' ? this.inodes.get(entry.ino)!.data.length : 0;
    return { isDirectory: () => entry.kind === 'dir', size };
  }
}

function apply(namespace: Map<string, Entry>, op: NamespaceOp): void {
  if (op.kind === 'set') namespace.set(op.path, op.entry);
  else if (op.kind === 'unlink') namespace.delete(op.path);
  else {
    const entry = namespace.get(op.from);
    if (entry === undefined) return;
    namespace.set(op.to, entry);
    namespace.delete(op.from);
  }
}

function isPrefix(a: Uint8Array, b: Uint8Array): boolean {
  return a.length <= b.length && a.every((byte, i) => byte === b[i]);
}
