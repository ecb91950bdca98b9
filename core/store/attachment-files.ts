/** Evidence files kept by content: the key is the SHA-256 of the bytes. */
export interface AttachmentFiles {
  /** Stores the bytes under their SHA-256 and returns it; storing the same content twice is free. */
  put(bytes: Uint8Array): Promise<string>;
  read(sha256: string): Promise<Uint8Array>;
}
