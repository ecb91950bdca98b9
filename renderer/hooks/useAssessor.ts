import { useCallback, useEffect, useState } from 'react';
import { call } from '../api';

const key = (assessmentId: string) => `ccat.assessor.${assessmentId}`;
const lastKey = 'ccat.assessor';

/**
 * Who is typing, per assessment: named as the author of every change (`by`). The data folder's
 * settings hold it (setAssessorName), so it survives `serve` on another port or another browser;
 * localStorage only keeps a copy to show at once while the settings load.
 */
export function readAssessor(assessmentId: string): string {
  return localStorage.getItem(key(assessmentId)) ?? '';
}

export function storeAssessor(assessmentId: string, name: string): void {
  localStorage.setItem(key(assessmentId), name);
  if (name.trim() !== '') localStorage.setItem(lastKey, name);
  void call('setAssessorName', { assessmentId, name });
}

/** The name used last on this computer, to prefill "your name" on a new assessment. */
export function lastAssessor(): string {
  return localStorage.getItem(lastKey) ?? '';
}

export function useAssessor(assessmentId: string): [string, (name: string) => void] {
  const [name, setName] = useState(() => readAssessor(assessmentId));
  useEffect(() => {
    let current = true;
    void call('getUserSettings', {}).then((settings) => {
      if (!current || !settings.ok) return;
      const stored = settings.data.assessor.byAssessment[assessmentId];
      if (settings.data.assessor.last !== '') localStorage.setItem(lastKey, settings.data.assessor.last);
      if (stored !== undefined) {
        localStorage.setItem(key(assessmentId), stored);
        setName(stored);
      } else {
        // A name chosen before the data folder kept it moves there.
        const cached = readAssessor(assessmentId);
        if (cached !== '') void call('setAssessorName', { assessmentId, name: cached });
      }
    });
    return () => {
      current = false;
    };
  }, [assessmentId]);
  const update = useCallback(
    (next: string) => {
      storeAssessor(assessmentId, next);
      setName(next);
    },
    [assessmentId],
  );
  return [name, update];
}

/** "Your name" on a new assessment: the name used last in this data folder, until the person types another. */
export function useLastAssessor(): [string, (name: string) => void] {
  const [name, setName] = useState(lastAssessor);
  useEffect(() => {
    let current = true;
    void call('getUserSettings', {}).then((settings) => {
      const last = settings.ok ? settings.data.assessor.last : '';
      if (current && last !== '') setName((typed) => (typed === '' ? last : typed));
    });
    return () => {
      current = false;
    };
  }, []);
  return [name, setName];
}
