import { z } from 'zod';

export const USER_SETTINGS_SCHEMA_VERSION = 1;

const name = z.string().max(200);

/** What the people using one data folder chose for themselves; see core/store/user-settings. */
export const userSettingsSchema = z.strictObject({
  schemaVersion: z.literal(USER_SETTINGS_SCHEMA_VERSION),
  assessor: z.strictObject({
    /** The name used last, offered first on a new assessment. */
    last: name,
    /** Who enters data in each assessment on this data folder, by assessment id. */
    byAssessment: z.record(z.string().max(100), name),
  }),
});
export type UserSettings = z.infer<typeof userSettingsSchema>;

export interface UserSettingsStore {
  read(): Promise<UserSettings>;
  /** Applies `change` to the stored settings and writes them durably; changes run one at a time. */
  change(change: (current: UserSettings) => UserSettings): Promise<UserSettings>;
}

/** Records `name` as the person entering data, for one assessment when `assessmentId` is given. */
export function withAssessor(settings: UserSettings, name: string, assessmentId: string | undefined): UserSettings {
  const byAssessment =
    assessmentId === undefined
      ? settings.assessor.byAssessment
      : Object.fromEntries([...Object.entries(settings.assessor.byAssessment).filter(([id]) => id !== assessmentId), ...(name === '' ? [] : [[assessmentId, name] as const])]);
  return { ...settings, assessor: { last: name === '' ? settings.assessor.last : name, byAssessment } };
}
