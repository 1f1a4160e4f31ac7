import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createViewEngine } from '../../src/web/view-engine';

/**
 * The app's EJS engine (src/web/view-engine.ts): EJS's templates with an
 * include that passes the caller's locals instead of copying them.
 */
const DIR = path.join(__dirname, '..', 'fixtures', 'view-engine');
const at = (name: string) => path.join(DIR, name);
const locals = { title: 'Page & co', shout: (s: string) => s.toUpperCase() };

describe('rendering with includes', () => {
  it.each([
    { name: 'cached (npm start)', cache: true },
    { name: 'uncached (npm run dev)', cache: false },
  ])('$name: an include sees the caller\'s locals, its own data over them, and nothing from Object.prototype', ({ cache }) => {
    const html = createViewEngine({ cache }).render(at('page.ejs'), locals);
    expect(html.trim()).toBe('<h1>Page &amp; co</h1>[undefined:one/Page &amp; co/ONE]\n[undefined:two/inner/TWO]\n(plain Page &amp; co)|undefined|undefined|Page &amp; co');
  });

  it('include data never leaks back into the caller (the second title is the page\'s again)', () => {
    const html = createViewEngine({ cache: true }).render(at('page.ejs'), locals);
    expect(html.trim().endsWith('|Page &amp; co')).toBe(true);
  });

  it('renders through express\'s callback signature', async () => {
    const html = await new Promise<string>((resolve, reject) =>
      createViewEngine({ cache: true }).renderFile(at('parts/plain.ejs'), { title: '<b>' }, (err, out) => (err ? reject(err) : resolve(out!))),
    );
    expect(html).toBe('(plain &lt;b&gt;)');
  });
});

describe('errors name the template and line to fix', () => {
  it.each([
    { name: 'an error inside an include names the include\'s file and line', file: 'broken.ejs', says: [`${at('parts/throws.ejs')}:2`, ' >> 2| <%= missing.deep %>', 'missing is not defined'] },
    { name: 'an include that does not exist names itself and its includer', file: 'missing-include.ejs', says: ['Could not find the include file "parts/nope"', at('missing-include.ejs')] },
  ])('$name', ({ file, says }) => {
    const engine = createViewEngine({ cache: true });
    let message = '';
    engine.renderFile(at(file), {}, (err) => {
      message = err?.message ?? '';
    });
    for (const s of says) expect(message).toContain(s);
  });
});

describe('the cache', () => {
  it.each([
    { name: 'on: an edited template is not read again', cache: true, after: '(first)' },
    { name: 'off: an edited template shows at the next render', cache: false, after: '(second)' },
  ])('$name', ({ cache, after }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-views-'));
    try {
      const file = path.join(dir, 'page.ejs');
      fs.writeFileSync(file, "<%- include('part') %>");
      fs.writeFileSync(path.join(dir, 'part.ejs'), '(first)');
      const engine = createViewEngine({ cache });
      expect(engine.render(file, {})).toBe('(first)');
      fs.writeFileSync(path.join(dir, 'part.ejs'), '(second)');
      expect(engine.render(file, {})).toBe(after);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
