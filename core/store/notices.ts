/** Something the store did on its own that the user must be told about. */
export interface StoreNotice {
  kind: 'quarantined' | 'recovered-older-generation' | 'migrated' | 'unreadable-newer-version' | 'lock-taken-over' | 'set-aside' | 'damaged-left-in-place' | 'history-damaged';
  /** Path relative to the data root. */
  file: string;
  /** Where the damaged file was moved, relative to the data root. */
  quarantinedAs?: string;
  assessmentId?: string;
  reason: string;
  at: string;
}
