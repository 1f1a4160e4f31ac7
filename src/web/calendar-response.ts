import type { Request, Response } from 'express';
import type { FeedDocumentResult } from '../services/feeds';

/**
 * Sends an iCalendar document with validators, answering 304 when the client's
 * copy is current. If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
 */
export function sendCalendar(req: Request, res: Response, doc: FeedDocumentResult, opts: CalendarHeaders & { filename?: string }): void {
  if (opts.filename) res.set('Content-Disposition', `attachment; filename="${opts.filename}"`);
  if (isNotModified(req, doc)) return sendNotModified(res, doc, opts);
  setValidators(res, doc, opts);
  res.type('text/calendar; charset=utf-8').send(doc.body);
}

interface CalendarHeaders {
  cache: 'private' | 'public';
  refreshMinutes: number;
}

/** The 304: the validators and Cache-Control the 200 would carry (RFC 9110 15.4.5), and nothing else. */
export function sendNotModified(res: Response, doc: FeedDocumentResult, opts: CalendarHeaders): void {
  setValidators(res, doc, opts);
  res.status(304).end();
}

function setValidators(res: Response, doc: FeedDocumentResult, opts: CalendarHeaders): void {
  res.setHeader('ETag', doc.etag);
  res.setHeader('Last-Modified', httpDateOf(doc));
  res.setHeader('Cache-Control', opts.cache === 'private' ? 'private, no-cache' : `public, max-age=${opts.refreshMinutes * 60}`);
}

/** Last-Modified as HTTP writes it, worked out once per built feed rather than on every poll. */
const httpDates = new WeakMap<FeedDocumentResult, string>();
function httpDateOf(doc: FeedDocumentResult): string {
  let date = httpDates.get(doc);
  if (date === undefined) {
    date = new Date(Math.floor(doc.lastModified / 1000) * 1000).toUTCString();
    httpDates.set(doc, date);
  }
  return date;
}

export function isNotModified(req: Request, doc: FeedDocumentResult): boolean {
  const inm = req.headers['if-none-match'];
  if (inm) {
    // The common case, one tag exactly as we sent it, without splitting.
    if (inm === doc.etag) return true;
    const tags = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(doc.etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(doc.lastModified / 1000) * 1000 <= since;
  }
  return false;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The base of every absolute link we hand out, the one place it is built.
 * It comes from configuration, never from whatever a client puts in Host:
 *
 * - PUBLIC_URL when set: the address a delegate's phone can reach, the only
 *   one that is right in a feed a phone subscribes to;
 * - else the request's Host only if it is one of a fixed, small set: a host
 *   ALLOWED_HOSTS lists (`name` matches only a Host without a port,
 *   `name:port` that port), or loopback (a planner trying the app on their
 *   own machine) on the port this connection arrived at;
 * - else '' (links stay relative, feeds leave URL out).
 *
 * So the set of bases, and with it of cached feeds (keyed by their base) and
 * of feed_state rows, is bounded by the configuration: a Host with a random
 * port or name per request can neither plant itself in pages and feeds that
 * proxies cache for others, nor make every request a cache miss. The scheme
 * is http or https, nothing else X-Forwarded-Proto may say.
 */
export function baseUrlOf(req: Request, config: { publicUrl: string | undefined; allowedHosts?: string[] }): string {
  if (config.publicUrl) return config.publicUrl;
  const host = (req.get('host') ?? '').toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(host);
  if (!m) return '';
  const scheme = req.protocol === 'https' ? 'https' : 'http';
  const listed = (config.allowedHosts ?? []).includes(host);
  const port = m[2] === undefined ? (scheme === 'https' ? 443 : 80) : Number(m[2]);
  const loopback = LOOPBACK.has(m[1]!) && port === req.socket.localPort;
  return listed || loopback ? `${scheme}://${host}` : '';
}

export function webcalOf(httpsUrl: string): string {
  return httpsUrl.replace(/^https?:/, 'webcal:');
}
