import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { historyEntry } from '../model/assessment';
import type { HistoryEntry } from '../model/assessment';
import { syncDirectory } from './atomic-write.node.ts';
import type { StoreFileHandle, StoreFs } from './fs-port';

/**
 * An assessment's change history, beside its generations: one line per entry, appended and
 * fsynced, so that a save costs the same after 20,000 edits as after 10. Each line is
 * "<checksum> <json>", the json being {"seq":n,"entry":{...}}: `seq` is the entry's position in
 * the history. A generation records how many entries belong to it (`historyCount`), so lines
 * appended by a save that never completed are ignored, and overwritten by position when the
 * next save appends the same positions again (the later line wins). A line cut by a crash
 * fails its checksum and is dropped; only lines after the last acknowledged save can be cut.
 */
export const HISTORY_LOG_FILE = 'history.log';

const CHECKSUM_LENGTH = 16;

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('hex').slice(0, CHECKSUM_LENGTH);
}

/**
 * Lines for `entries` at positions `firstSeq`…; each starts with a newline, so that a line cut
 * by an earlier crash is closed off instead of being continued by the next append.
 */
export function encodeHistoryLines(entries: readonly HistoryEntry[], firstSeq: number): string {
  return entries
    .map((entry, i) => {
      const json = JSON.stringify({ seq: firstSeq + i, entry });
      return `\n${checksum(json)} ${json}`;
    })
    .join('');
}

export interface DecodedHistory {
  /** Entries 0, 1, … up to `count` or to the first one missing or damaged. */
  entries: HistoryEntry[];
  /** All `count` entries were found. */
  complete: boolean;
  /** Lines that failed their checksum or format (a cut last line, or damage). */
  badLines: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function decodeHistoryLog(bytes: Uint8Array, count: number): DecodedHistory {
  const bySeq = new Map<number, HistoryEntry>();
  let badLines = 0;
  for (const line of utf8.decode(bytes).split('\n')) {
    if (line === '') continue;
    const space = line.indexOf(' ');
    const json = line.slice(space + 1);
    if (space !== CHECKSUM_LENGTH || checksum(json) !== line.slice(0, space)) {
      badLines++;
      continue;
    }
    const parsed = parseLine(json);
    if (parsed === undefined) badLines++;
    else bySeq.set(parsed.seq, parsed.entry);
  }
  const entries: HistoryEntry[] = [];
  for (let seq = 0; seq < count; seq++) {
    const entry = bySeq.get(seq);
    if (entry === undefined) return { entries, complete: false, badLines };
    entries.push(entry);
  }
  return { entries, complete: true, badLines };
}

function parseLine(json: string): { seq: number; entry: HistoryEntry } | undefined {
  try {
    const value = JSON.parse(json) as { seq?: unknown; entry?: unknown };
    const entry = historyEntry.safeParse(value.entry);
    if (typeof value.seq !== 'number' || !Number.isInteger(value.seq) || value.seq < 0 || !entry.success) return undefined;
    return { seq: value.seq, entry: entry.data };
  } catch {
    return undefined;
  }
}

/**
 * Appends `text` and flushes it to the disk; when the log is new, its directory entry too.
 * O_APPEND: every write lands at the end, whatever a crash left there.
 */
export async function appendDurably(fs: StoreFs, folder: string, text: string, isNew: boolean): Promise<void> {
  let handle: StoreFileHandle | undefined = await fs.open(join(folder, HISTORY_LOG_FILE), 'a');
  try {
    await handle.writeFile(text);
    await handle.sync();
    const opened = handle;
    handle = undefined;
    await opened.close();
  } finally {
    if (handle !== undefined) await handle.close().catch(() => undefined);
  }
  if (isNew) await syncDirectory(fs, folder);
}
