import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { normalisePath } from './canonical-path';

/**
 * Request logging that never writes passwords, cookies, session ids, API
 * tokens or feed tokens: requests are logged as method + a redacted URL only,
 * never headers or bodies.
 */
export function redactUrl(url: string): string {
  const at = url.search(/[?#]/);
  const rawPath = at === -1 ? url : url.slice(0, at);
  const query = at === -1 ? '' : url.slice(at);
  let path: string;
  try {
    // Redact the path as the router reads it: `/S/…`, `/%73/…` and `/x/../s/…` all name a secret link.
    path = normalisePath(rawPath).replace(/^\/s\/[^/]+/i, '/s/[redacted]');
  } catch {
    // A path that does not decode may still hold a token somewhere in it; its shape tells an operator nothing worth the risk.
    path = '[a path with broken %-escapes]';
  }
  return path + query.replace(/([?&](?:token|access_token|key|password)=)[^&#]*/gi, '$1[redacted]');
}

/**
 * The server's logger. Without a destination it writes to stdout asynchronously: a synchronous write per
 * request line was a write(2) on the path of every answer (issue 12: a cached page still paid for it).
 * pino flushes what is pending when the process exits.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino({ level }, destination ?? pino.destination({ dest: 1, sync: false }));
}

export function requestLogger(logger: pino.Logger) {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: IncomingMessage & { originalUrl?: string }) => ({ method: req.method, url: redactUrl(req.originalUrl ?? req.url ?? '') }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/public/') },
  });
}
