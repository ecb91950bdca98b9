import { fromBase64 } from '../../core/report/bytes';

/** The limit the issue sets for one evidence file. */
export const maxAttachmentBytes = 25 * 1024 * 1024;

/** A file's bytes from getAttachment's base64. */
export function bytesOfBase64(contentBase64: string): Uint8Array<ArrayBuffer> {
  // fromBase64 always allocates a plain ArrayBuffer, never a shared one.
  return fromBase64(contentBase64) as Uint8Array<ArrayBuffer>;
}

/** Hands bytes to the browser's (or Electron's) download, which opens or saves them. */
export function openBase64(fileName: string, mediaType: string, contentBase64: string): void {
  const url = URL.createObjectURL(new Blob([bytesOfBase64(contentBase64)], { type: mediaType || 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
