/**
 * Generation files are named by revision, zero-padded so that a plain directory listing sorts
 * them in save order for a person looking at the folder.
 */
const GENERATION = /^r(\d{9})\.json$/;

export function generationFileName(revision: number): string {
  return `r${String(revision).padStart(9, '0')}.json`;
}

export function parseGenerationFileName(name: string): number | null {
  const match = GENERATION.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Revisions found among `names`, newest first. Other files in the folder are ignored. */
export function generationsNewestFirst(names: readonly string[]): { name: string; revision: number }[] {
  const found: { name: string; revision: number }[] = [];
  for (const name of names) {
    const revision = parseGenerationFileName(name);
    if (revision !== null) found.push({ name, revision });
  }
  return found.sort((a, b) => b.revision - a.revision);
}

/** Temp files written by `writeFileDurably`: `.<base>.<random>.tmp`. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/** File-name-safe timestamp: Windows forbids ":" in names. */
export function fileTimestamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}
