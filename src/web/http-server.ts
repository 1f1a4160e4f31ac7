import http from 'node:http';

/**
 * How long the HTTP server waits, in one place.
 *
 * - keepAliveTimeout: an idle keep-alive connection stays open this long.
 *   It must outlast the idle timeout of what sits in front (nginx, a cloud
 *   load balancer: typically 60 s), so the proxy, not Node, closes an idle
 *   connection; otherwise Node may close it just as the proxy sends the next
 *   request on it, and that request fails with ECONNRESET. Node's default
 *   (5 s) also ran out whenever a slow handler held the event loop for a few
 *   seconds: every idle connection was closed at once when it let go.
 * - headersTimeout: a client that sends its headers slowly is cut off. It
 *   counts from the first byte of a request, not the idle time before it, so
 *   it can stay shorter than keepAliveTimeout.
 * - requestTimeout: a client that never finishes its body is cut off, instead
 *   of holding a socket for Node's default 5 minutes.
 */
export const HTTP_TIMEOUTS = {
  keepAliveMs: 65_000,
  headersMs: 20_000,
  requestMs: 60_000,
} as const;

export function createHttpServer(handler: http.RequestListener): http.Server {
  const server = http.createServer({ headersTimeout: HTTP_TIMEOUTS.headersMs, requestTimeout: HTTP_TIMEOUTS.requestMs }, handler);
  server.keepAliveTimeout = HTTP_TIMEOUTS.keepAliveMs;
  return server;
}
