import type { Request, Response } from 'express';

/*
 * How the JSON API speaks record versions over HTTP, shared by the API's
 * routers. Its own module so that the routers import it, not the router that
 * mounts them (which made a runtime import cycle).
 */

/** A record's ETag is its version: If-Match on writes compares against it. */
export function sendRecord(res: Response, record: { version: number }, body: unknown = record): void {
  res.set('ETag', `"v${record.version}"`);
  res.json(body);
}

/** The version a client claims in If-Match, or null when it sent none. */
export function ifMatchVersion(req: Request): number | null {
  const header = req.get('if-match');
  if (!header) return null;
  const m = /^(?:W\/)?"v(\d+)"$/.exec(header.trim());
  return m ? Number(m[1]) : -1;
}
