/** Why a path may not receive an export; the CLI and the desktop app name the rule to the user. */
export type ExportTargetRule = 'inside-data-folder' | 'folder-missing' | 'not-a-regular-file' | 'exists';

/** `details` of the INVALID_INPUT error that export-target.node.ts raises. */
export interface ExportTargetRefusal {
  rule: ExportTargetRule;
  path: string;
}
