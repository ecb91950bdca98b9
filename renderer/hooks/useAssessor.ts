import { useCallback, useState } from 'react';

const key = (assessmentId: string) => `ccat.assessor.${assessmentId}`;
const lastKey = 'ccat.assessor';

/** Who is typing on this computer, per assessment: named as the author of every change (`by`). */
export function readAssessor(assessmentId: string): string {
  return localStorage.getItem(key(assessmentId)) ?? '';
}

export function storeAssessor(assessmentId: string, name: string): void {
  localStorage.setItem(key(assessmentId), name);
  if (name.trim() !== '') localStorage.setItem(lastKey, name);
}

/** The name used last on this computer, to prefill "your name" on a new assessment. */
export function lastAssessor(): string {
  return localStorage.getItem(lastKey) ?? '';
}

export function useAssessor(assessmentId: string): [string, (name: string) => void] {
  const [name, setName] = useState(() => readAssessor(assessmentId));
  const update = useCallback(
    (next: string) => {
      storeAssessor(assessmentId, next);
      setName(next);
    },
    [assessmentId],
  );
  return [name, update];
}
