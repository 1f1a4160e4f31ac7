import type { Request, Response } from 'express';
import type { FeedDocumentResult } from '../services/feeds';

/**
 * Sends an iCalendar document with validators, answering 304 when the client's
 * copy is current. If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
 */
export function sendCalendar(req: Request, res: Response, doc: FeedDocumentResult, opts: { cache: 'private' | 'public'; refreshMinutes: number; filename?: string }): void {
  res.set('ETag', doc.etag);
  res.set('Last-Modified', new Date(Math.floor(doc.lastModified / 1000) * 1000).toUTCString());
  res.set('Cache-Control', opts.cache === 'private' ? 'private, no-cache' : `public, max-age=${opts.refreshMinutes * 60}`);
  if (opts.filename) res.set('Content-Disposition', `attachment; filename="${opts.filename}"`);
  if (isNotModified(req, doc)) {
    res.status(304).end();
    return;
  }
  res.type('text/calendar; charset=utf-8').send(doc.body);
}

function isNotModified(req: Request, doc: FeedDocumentResult): boolean {
  const inm = req.get('if-none-match');
  if (inm) {
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(doc.etag);
  }
  const ims = req.get('if-modified-since');
  if (ims) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(doc.lastModified / 1000) * 1000 <= since;
  }
  return false;
}

/** The base of links we hand out: PUBLIC_URL if configured, else what the request came to. */
export function baseUrlOf(req: Request, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.protocol}://${req.get('host')}`;
}

export function webcalOf(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:/, 'webcal:');
}
