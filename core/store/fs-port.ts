/**
 * The slice of `node:fs/promises` the store uses. It is injected so tests can make a real
 * disk fail on purpose (ENOSPC, EPERM) at exactly one step; production passes `nodeFs`.
 */
export interface StoreFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreFs {
  /** `flags` as in `fs.open`: the store uses "wx" (create, fail if present) and "r". */
  open(path: string, flags: string): Promise<StoreFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Removes an empty directory (emptying the trash). */
  rmdir(path: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<string[]>;
  /** Resolves to the first directory created, or undefined when it already existed. */
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  stat(path: string): Promise<{ isDirectory(): boolean; size: number }>;
}
