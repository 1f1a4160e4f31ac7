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

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The base of every absolute link we hand out, the one place it is built.
 * PUBLIC_URL if configured; else the request's host only if ALLOWED_HOSTS
 * lists it or it is loopback (a planner trying the app locally); else ''
 * (links stay relative, feeds leave URL out). Copying any Host header would
 * let one request plant its host in pages and feeds that proxies cache and
 * serve to everyone after.
 */
export function baseUrlOf(req: Request, config: { publicUrl: string | undefined; allowedHosts?: string[] }): string {
  if (config.publicUrl) return config.publicUrl;
  const host = (req.get('host') ?? '').toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  if (!m) return '';
  const trusted = LOOPBACK.has(m[1]!) || (config.allowedHosts ?? []).some((allowed) => allowed === host || allowed === m[1]);
  return trusted ? `${req.protocol}://${host}` : '';
}

export function webcalOf(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:/, 'webcal:');
}
