import type { NextFunction, Request, Response } from 'express';
import { answerDeadLink } from '../dead-link';

/**
 * One spelling of every path, fixed before anything judges it. The router
 * decodes %-escapes when it matches parameters while the policy used to read
 * the raw path, so `/forums/%31/edit` was "a planner's write" to the policy and
 * "edit forum 1" to the router. Rewriting req.url here means the policy, the
 * routers and the logger all see the same string.
 *
 * Case and a trailing slash are left as they are: Express routers match both
 * loosely, and the policy folds them the same way (policy.ts, canonicalPath).
 * Folding case here would change secret tokens, which are case-sensitive.
 */

export class BrokenPathError extends Error {}

/**
 * RFC 3986 §6.2.2 normalisation: each segment decoded and re-encoded the one
 * way (so `%31` is `1` and `%c3%a9` is `%C3%A9`), empty segments dropped
 * (`//` is `/`), then `.` and `..` resolved, `%2e%2e` included, never above
 * the root. An escaped slash stays escaped inside its segment: decoding it
 * would move a segment boundary the client did not send.
 */
export function normalisePath(rawPath: string): string {
  const out: string[] = [];
  const segments = rawPath.split('/');
  const trailing = segments.length > 1 && segments[segments.length - 1] === '' && rawPath !== '/';
  for (const raw of segments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new BrokenPathError(raw);
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      out.pop();
      continue;
    }
    out.push(encodeSegment(segment));
  }
  const path = '/' + out.join('/');
  // A trailing slash is the client's spelling, kept for the router's (loose) matching; `/a/..` ends at a directory too.
  return trailing && path !== '/' ? `${path}/` : path;
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The path part of a request target, and the rest (query) untouched. */
function splitTarget(url: string): { path: string; rest: string } {
  const at = url.search(/[?#]/);
  return at === -1 ? { path: url, rest: '' } : { path: url.slice(0, at), rest: url.slice(at) };
}

/**
 * Secret links and the public feed are answered only on the exact spelling
 * this app writes into them (lowercase prefix, nothing escaped, no trailing
 * slash): a calendar client never varies it, and every other spelling would
 * be one more door to reason about and one more way for a token to reach a
 * log unredacted.
 */
export function isNonCanonicalSecretPath(rawPath: string, path: string): boolean {
  if (!/^\/(s|p)(\/|$)/i.test(path)) return false;
  return rawPath !== path || !/^\/(s|p)\//.test(path) || path.endsWith('/');
}


export function canonicalPathMiddleware(req: Request, res: Response, next: NextFunction): void {
  const { path: rawPath, rest } = splitTarget(req.url);
  if (!rawPath.startsWith('/')) {
    res.status(400).type('text/plain').send('Send a path that starts with "/".');
    return;
  }
  let path: string;
  try {
    path = normalisePath(rawPath);
  } catch {
    // Under /s/ a broken token is one more wrong guess, answered like the others.
    if (/^\/(s|p)\//i.test(rawPath)) return answerDeadLink(req, res);
    res
      .status(400)
      .type('text/plain')
      .send('The address has a broken %-escape: "%" must be followed by two hex digits that spell UTF-8. Correct the link and try again.');
    return;
  }
  if (isNonCanonicalSecretPath(rawPath, path)) return answerDeadLink(req, res);
  req.url = path + rest;
  next();
}
