import type { ExportedFile } from '../../core/api/commands';

function bytesOf(file: ExportedFile): Uint8Array<ArrayBuffer> | string {
  if (file.encoding === 'utf8') return file.content;
  return Uint8Array.from(atob(file.content), (ch) => ch.charCodeAt(0));
}

/** Hands the file to the browser's (or Electron's) download, which asks where to save it. */
export function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
