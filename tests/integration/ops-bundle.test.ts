import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The production start: `npm run build`'s esbuild bundle, run by plain node
 * over a fresh file from another working directory. What must survive the
 * bundling are the paths each module finds from its own folder: the
 * migrations (db/migrations), the views and the static files. Built one
 * level deeper than dist/server.js (packages are loaded from the
 * repository's node_modules, so the bundle stays inside it), which leaves
 * dist/ of `npm start` alone and shows the paths do not assume dist/.
 */
jest.setTimeout(90_000);

let dir: string;
const out = path.resolve('dist', `bundle-test-${process.pid}`);
let server: ChildProcess;
let port: number;
let output = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-bundle-'));
  execFileSync(process.execPath, ['scripts/build.js', '--out', out], { stdio: 'pipe' });
  port = await freePort();
  server = spawn(process.execPath, [path.join(out, 'server.js')], {
    cwd: dir,
    env: { ...process.env, DATABASE_PATH: path.join(dir, 'bundle.db'), PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', ADMIN_PASSWORD: 'Bundle-test-2019', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!output.includes('listening on')) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`the bundle did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});
afterAll(() => {
  server.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

it('applies the migrations from db/migrations', () => {
  expect(output).toContain('0001_reference_data.sql');
});

it('compiles each template once (the view cache is on for the production start)', () => {
  expect(output).toContain('templates compiled once');
});

it.each([
  { name: 'the health check', url: '/healthz', status: 200, text: '"status":"ok"' },
  { name: 'the sign-in page, rendered from views/', url: '/login', status: 200, text: 'Sign in' },
  { name: 'a static file from public/', url: '/public/css/app.css', status: 200, text: '' },
])('answers $name', async ({ url, status, text }) => {
  const res = await fetch(`http://127.0.0.1:${port}${url}`);
  expect(res.status).toBe(status);
  expect(await res.text()).toContain(text);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
}
