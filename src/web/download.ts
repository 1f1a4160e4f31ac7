import type { Response } from 'express';
import { contentDisposition } from './exports';

/** A file a reader downloads, named by the exports' RFC 6266 rule; never kept by a shared cache (it is the reader's programme). */
export function sendDownload(res: Response, file: { body: Buffer; filename: string }, type: string): void {
  res.set('Content-Disposition', contentDisposition(file.filename));
  res.set('Cache-Control', 'private, no-store');
  res.type(type).send(file.body);
}
