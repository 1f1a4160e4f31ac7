import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * Request logging that never writes passwords, cookies, session ids, API
 * tokens or feed tokens: requests are logged as method + a redacted URL only,
 * never headers or bodies.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/\/s\/[^/?#]+/g, '/s/[redacted]')
    .replace(/([?&](?:token|access_token|key|password)=)[^&#]*/gi, '$1[redacted]');
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return destination ? pino({ level }, destination) : pino({ level });
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
