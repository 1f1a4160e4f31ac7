import type { Response } from 'express';

/** Characters no file system takes in a name, and controls: a scope's name may carry any of them. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
/** Half a surrogate pair: no character at all, and encodeURIComponent throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Content-Disposition for a download (RFC 6266): `filename` in ASCII for old
 * clients, `filename*` in UTF-8 (RFC 8187) for the name in the reader's
 * language, both stripped of what a file system refuses.
 */
export function attachmentDisposition(filename: string, asciiFilename: string): string {
  const ascii = asciiFilename.replace(UNSAFE, '-').replace(/[^\x20-\x7e]/g, '-');
  const utf8 = encodeURIComponent(filename.replace(LONE_SURROGATE, '-').replace(UNSAFE, '-').trim()).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** A file a reader downloads: never kept by a shared cache (it is the reader's programme). */
export function sendDownload(res: Response, file: { body: Buffer; filename: string; asciiFilename: string }, type: string): void {
  res.set('Content-Disposition', attachmentDisposition(file.filename, file.asciiFilename));
  res.set('Cache-Control', 'private, no-store');
  res.type(type).send(file.body);
}
