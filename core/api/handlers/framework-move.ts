import type { EditableAssessment } from '../repository';
import { applyMove, previewMove, type FrameworkMovePreview } from '../../framework/move';
import type { ApiHandlers } from '../dispatch';
import { CoreError } from '../result';
import type { HandlerContext } from './services';

type Handlers = Pick<ApiHandlers, 'previewFrameworkMove' | 'moveToFramework'>;

export function frameworkMoveHandlers(ctx: HandlerContext): Handlers {
  const { library, store } = ctx;

  function preview(assessment: EditableAssessment, toVersion: string): FrameworkMovePreview {
    const { frameworkId, frameworkVersion } = assessment;
    if (toVersion === frameworkVersion) throw new CoreError('CONFLICT', `This assessment already uses framework ${frameworkId} ${toVersion}.`);
    const mapping = library.mapping(frameworkId, frameworkVersion, toVersion);
    if (!mapping) {
      throw new CoreError('NOT_FOUND', `There is no mapping from framework ${frameworkId} ${frameworkVersion} to ${toVersion}, so this assessment cannot be moved there. It stays on ${frameworkVersion}.`);
    }
    return previewMove(assessment, mapping, library.get(frameworkId, frameworkVersion), library.get(frameworkId, toVersion));
  }

  return {
    previewFrameworkMove: async ({ id, toVersion }) => preview(await store.get(id), toVersion),

    // One edit, hence one history entry and one new revision; the revision before stays among the store's generations.
    moveToFramework: ({ id, toVersion, expectedRevision, by }) =>
      ctx
        .edit(id, by, (current, edit) => {
          if (current.revision !== expectedRevision) {
            throw new CoreError('CONFLICT', `The assessment changed after the preview (revision ${expectedRevision}, now ${current.revision}). Preview the move again.`, {
              expectedRevision,
              revision: current.revision,
            });
          }
          const outcome = preview(current, toVersion);
          const { frameworkId, toVersion: version, counts, kept, flagged, dropped, added, targetsDropped } = outcome;
          edit.log('framework', { frameworkId, version: current.frameworkVersion }, { frameworkId, version, counts, kept, flagged, dropped, added, targetsDropped });
          return { next: applyMove(current, outcome, edit.at, edit.by), result: undefined };
        })
        .then(() => store.get(id)),
  };
}
