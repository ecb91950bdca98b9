import { createContext, useContext } from 'react';
import type { Assessment } from '../../core/model/assessment';
import type { Framework } from '../../core/model/framework';
import type { Autosave, InputValue, Patch, SessionFields, SetupPatch } from '../hooks/useAutosave';

/** The last change that can be taken back, with what the toast says about it. */
export interface UndoOffer {
  message: string;
  /** Makes the change back through the normal edit commands, so that it is saved like any edit. */
  undo: () => void | Promise<void>;
}

export interface WorkspaceValue {
  assessment: Assessment;
  framework: Framework;
  /** The earlier assessment this one follows up, when there is one and it could be opened. */
  baseline: Assessment | undefined;
  /** Final assessments cannot be changed until they are reopened with a reason. */
  readOnly: boolean;
  /** Who is typing, named as the author of each change. */
  assessor: string;
  setAssessor: (name: string) => void;
  autosave: Autosave;
  editResponse: (indicatorId: string, patch: Patch, immediately: boolean) => void;
  editSetup: (patch: SetupPatch, immediately: boolean) => void;
  editInput: (sessionId: string, indicatorId: string, input: InputValue | null, immediately: boolean) => void;
  editSession: (fields: SessionFields) => void;
  /** The change "Undo" takes back; a new offer replaces the one before. */
  undoOffer: UndoOffer | undefined;
  offerUndo: (offer: UndoOffer | undefined) => void;
  /** For changes the core answered with a new document or part of one (attachments, sessions, sign-off). */
  update: (change: (assessment: Assessment) => Assessment) => void;
}

export const WorkspaceContext = createContext<WorkspaceValue | undefined>(undefined);

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside a workspace');
  return value;
}
