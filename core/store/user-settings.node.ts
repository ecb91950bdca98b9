import { join } from 'node:path';
import { CoreError } from '../api/result';
import { userSettingsSchema, USER_SETTINGS_SCHEMA_VERSION, type UserSettings, type UserSettingsStore } from '../model/user-settings';
import { DurableJsonFile } from './durable-json-file.node.ts';
import { readOnlySnapshotError } from './errors';
import { nodeFs } from './node-fs.node.ts';
import { quarantineFile } from './quarantine.node.ts';

export const USER_SETTINGS_FILE = 'user-settings.json';

const empty = (): UserSettings => ({ schemaVersion: USER_SETTINGS_SCHEMA_VERSION, assessor: { last: '', byAssessment: {} } });

/**
 * The settings of the people who use this data folder, in `user-settings.json` beside the
 * assessments: they travel with the folder, whichever shell or `serve` port opens it. A damaged
 * file is quarantined on the next change, never overwritten, and reads as empty meanwhile.
 */
export function userSettingsStore(dataDir: string, options: { readOnly: boolean; now: () => Date }): UserSettingsStore {
  const file = new DurableJsonFile(join(dataDir, USER_SETTINGS_FILE), userSettingsSchema, USER_SETTINGS_SCHEMA_VERSION);
  let damaged = false;
  let queue: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<UserSettings> => {
    try {
      damaged = false;
      return (await file.read()) ?? empty();
    } catch (error) {
      if (!(error instanceof CoreError) || error.code !== 'DAMAGED_FILE') throw error;
      damaged = true;
      return empty();
    }
  };

  const change = async (apply: (current: UserSettings) => UserSettings): Promise<UserSettings> => {
    if (options.readOnly) throw readOnlySnapshotError();
    const next = apply(await read());
    if (damaged) await quarantineFile(nodeFs, dataDir, USER_SETTINGS_FILE, 'settings', options.now());
    await file.write(next);
    return next;
  };

  return {
    read: () => read(),
    change: (apply) => {
      const run = queue.then(() => change(apply));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
