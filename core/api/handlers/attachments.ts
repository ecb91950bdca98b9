import type { AttachmentMeta } from '../../model/assessment';
import { safeFileName } from '../../report/file-name';
import type { ApiHandlers } from '../dispatch';
import { assertEditable } from '../editing';
import { fromBase64 } from '../../report/bytes';
import { CoreError } from '../result';
import { blankResponse, requireIndicator } from './responses';
import type { HandlerContext } from './services';

function decodeBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new CoreError('INVALID_INPUT', 'contentBase64: the file content is not valid base64.');
  }
  // fromBase64's plain loop: Uint8Array.from(text, fn) took 6 s for a 25 MB file.
  return fromBase64(text);
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function attachmentHandlers(ctx: HandlerContext): Pick<ApiHandlers, 'addAttachment' | 'removeAttachment' | 'getAttachment'> {
  return {
    addAttachment: async ({ id, indicatorId, fileName: offered, mediaType, contentBase64, by }) => {
      const bytes = decodeBase64(contentBase64);
      const fileName = safeFileName(offered);
      if (fileName === '') throw new CoreError('INVALID_INPUT', 'fileName: the file name holds no character that can be kept in a file name.');
      const assessment = await ctx.store.get(id);
      requireIndicator(ctx, assessment, indicatorId);
      // Checked here as well as in the edit: a refused attachment must not leave its file behind.
      assertEditable(assessment);
      // The file is stored before the assessment refers to it, so a crash between the two leaves
      // only an unreferenced file, never a reference to a missing one.
      const sha256 = await ctx.attachments.put(bytes);
      return ctx.edit(id, by, (current, edit) => {
        const known = current.attachments.find((a) => a.id === sha256 && a.fileName === fileName);
        const meta: AttachmentMeta = known ?? {
          id: sha256,
          fileName,
          mediaType: mediaType || 'application/octet-stream',
          size: bytes.byteLength,
          addedAt: edit.at,
          addedBy: edit.by,
        };
        const response = current.responses[indicatorId] ?? blankResponse(edit.at, edit.by);
        const linked = response.attachmentIds.includes(sha256);
        if (linked && known !== undefined) return { next: current, result: meta };
        edit.log(`response:${indicatorId}.attachments`, null, { id: sha256, fileName, size: bytes.byteLength });
        return {
          next: {
            ...current,
            // Keyed by content and name: the same document attached as "decree.pdf" and "law.pdf" keeps both names.
            attachments: known === undefined ? [...current.attachments, meta] : current.attachments,
            responses: linked
              ? current.responses
              : { ...current.responses, [indicatorId]: { ...response, attachmentIds: [...response.attachmentIds, sha256], updatedAt: edit.at, updatedBy: edit.by } },
          },
          result: meta,
        };
      });
    },

    removeAttachment: ({ id, indicatorId, attachmentId, by }) =>
      ctx.edit(id, by, (current, edit) => {
        // An own key only: an indicator id such as "toString" must not find Object.prototype's.
        const response = Object.hasOwn(current.responses, indicatorId) ? current.responses[indicatorId] : undefined;
        if (!response?.attachmentIds.includes(attachmentId)) throw new CoreError('NOT_FOUND', `That file is not attached to indicator ${indicatorId}.`);
        const meta = current.attachments.find((a) => a.id === attachmentId);
        edit.log(`response:${indicatorId}.attachments`, { id: attachmentId, fileName: meta?.fileName }, null);
        const next = {
          ...current,
          responses: { ...current.responses, [indicatorId]: { ...response, attachmentIds: response.attachmentIds.filter((a) => a !== attachmentId), updatedAt: edit.at, updatedBy: edit.by } },
        };
        return { next, result: { revision: current.revision + 1 } };
      }),

    getAttachment: async ({ id, attachmentId }) => {
      const assessment = await ctx.store.get(id);
      const meta = assessment.attachments.find((a) => a.id === attachmentId);
      if (!meta) throw new CoreError('NOT_FOUND', 'This assessment has no such attachment.');
      // Names stored before they were cleaned are cleaned on the way out too.
      const fileName = safeFileName(meta.fileName) || 'attachment';
      return { fileName, mediaType: meta.mediaType, contentBase64: encodeBase64(await ctx.attachments.read(attachmentId)) };
    },
  };
}
