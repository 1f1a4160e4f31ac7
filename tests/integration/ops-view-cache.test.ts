import fs from 'node:fs';
import ejs from 'ejs';
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { createTestApp, type TestContext } from '../support/app';

/**
 * `npm start` compiles each template and include once; `npm run dev`
 * re-reads them on every request, so an edited view shows at the next
 * reload. Without the cache EJS read and compiled an include for every cell
 * of a day grid, a third of the CPU of a page over HTTP.
 */
describe('which start caches views (config.viewCache)', () => {
  it.each([
    { name: 'no NODE_ENV (a plain start)', env: {}, cached: true },
    { name: 'NODE_ENV=production', env: { NODE_ENV: 'production' }, cached: true },
    { name: 'NODE_ENV=test', env: { NODE_ENV: 'test' }, cached: true },
    { name: 'NODE_ENV=development (npm run dev)', env: { NODE_ENV: 'development' }, cached: false },
    { name: 'VIEW_CACHE=true overrides development', env: { NODE_ENV: 'development', VIEW_CACHE: 'true' }, cached: true },
    { name: 'VIEW_CACHE=false overrides production', env: { NODE_ENV: 'production', VIEW_CACHE: 'false' }, cached: false },
  ])('$name: $cached', ({ env, cached }) => {
    expect(loadConfig(env).viewCache).toBe(cached);
  });

  const scripts = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
  /** The VAR=value assignments a package.json script puts in front of its command. */
  const envOf = (script: string) => Object.fromEntries([...script.matchAll(/(?:^|\s)([A-Z_]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));

  it.each([
    { script: 'start', cached: true },
    { script: 'dev', cached: false },
  ])('npm run $script: $cached', ({ script, cached }) => {
    expect(loadConfig(envOf(scripts[script]!)).viewCache).toBe(cached);
  });
});

describe.each([
  { name: 'with the view cache (npm start)', viewCache: true },
  { name: 'without it (npm run dev)', viewCache: false },
])('templates read per request, $name', ({ viewCache }) => {
  let ctx: TestContext;
  const original = ejs.fileLoader;
  let reads: string[] = [];
  beforeAll(() => {
    ctx = createTestApp({ demo: false, viewCache });
    ejs.fileLoader = ((file: string, ...rest: unknown[]) => {
      reads.push(file);
      return (original as (...args: unknown[]) => Buffer)(file, ...rest);
    }) as typeof ejs.fileLoader;
  });
  afterAll(() => {
    ejs.fileLoader = original;
    ctx.close();
  });

  it(viewCache ? 'are read once, then never again' : 'are read again on every request', async () => {
    expect((await request(ctx.app).get('/login')).status).toBe(200);
    const first = reads.length;
    expect(first).toBeGreaterThan(1); // the page and its includes
    reads = [];
    for (let i = 0; i < 3; i++) expect((await request(ctx.app).get('/login')).status).toBe(200);
    expect(reads.length).toBe(viewCache ? 0 : 3 * first);
  });
});
