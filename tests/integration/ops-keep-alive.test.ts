import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHttpServer, HTTP_TIMEOUTS } from '../../src/web/http-server';
import { createTestApp } from '../support/app';

/**
 * An idle keep-alive connection stays open longer than a proxy in front
 * keeps its own (65 s against the usual 60 s), so Node never closes one under
 * a request on its way: with Node's default of 5 s, a handler that held the
 * event loop a few seconds made every idle connection reset at once.
 */
jest.setTimeout(30_000);

const ctx = createTestApp({ demo: false });
const server = createHttpServer(ctx.app);
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  ctx.close();
});

it('outlasts a proxy’s 60-second idle timeout, and cuts off slow headers sooner', () => {
  expect(server.keepAliveTimeout).toBe(HTTP_TIMEOUTS.keepAliveMs);
  expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
  expect(server.headersTimeout).toBe(HTTP_TIMEOUTS.headersMs);
  expect(server.requestTimeout).toBe(HTTP_TIMEOUTS.requestMs);
});

it('answers a second request on a connection that sat idle longer than Node’s default 5 s (as after a handler held the event loop that long)', async () => {
  const port = (server.address() as AddressInfo).port;
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let closed = false;
  socket.on('data', (d) => (received += d));
  socket.on('close', () => (closed = true));
  const ask = () => socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
  const answers = () => (received.match(/HTTP\/1\.1 200 OK/g) ?? []).length;
  const until = async (done: () => boolean) => {
    while (!done() && !closed) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  ask();
  await until(() => answers() === 1);
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(closed).toBe(false);
  ask();
  await until(() => answers() === 2);
  expect(answers()).toBe(2);
  socket.destroy();
});
