/**
 * The change notice's count in every language, against the model "what the
 * catalogue says for that count": the real partial (views/partials/change-notice.ejs)
 * rendered in a language, and the real script (public/js/change-notice.js)
 * run over it with a stand-in for the page and its event stream, say for any
 * number of changes exactly the sentence translate() gives for it — Russian
 * one/few/many included, digits grouped as the language groups them.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ejs from 'ejs';
import fc from 'fast-check';
import { LOCALES, translate, type Locale } from '../../src/messages/catalogue';
import { helpersFor } from '../../src/web/view-helpers';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = fs.readFileSync(path.join(ROOT, 'public', 'js', 'change-notice.js'), 'utf8');
const PARTIAL = path.join(ROOT, 'views', 'partials', 'change-notice.ejs');

const unescape = (s: string) => s.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The notice's attributes as the page has them in `locale`. */
function attributesIn(locale: Locale): Map<string, string> {
  const html = ejs.render(fs.readFileSync(PARTIAL, 'utf8'), { ...helpersFor(locale), programmeVersion: 7, forum: { id: 1 } }, { filename: PARTIAL });
  return new Map([...html.matchAll(/ (data-[\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
}

/** Runs the script over the notice and sends it `n` changes; what the notice then says. */
function noticeAfter(locale: Locale, attributes: Map<string, string>, n: number): { text: string; hidden: boolean } {
  const count = { textContent: '' };
  const box = {
    hidden: true,
    getAttribute: (name: string) => attributes.get(name) ?? null,
    hasAttribute: (name: string) => attributes.has(name),
    querySelector: (selector: string) => (selector === '[data-change-count]' ? count : { setAttribute: () => undefined }),
  };
  const listeners: Array<(event: { data: string }) => void> = [];
  class FakeEventSource {
    addEventListener(_type: string, listener: (event: { data: string }) => void) {
      listeners.push(listener);
    }
    close() {}
  }
  const window = { EventSource: FakeEventSource, location: { href: '/here' }, addEventListener: () => undefined };
  const document = { querySelector: () => box, documentElement: { lang: locale } };
  vm.runInNewContext(SCRIPT, { window, document, EventSource: FakeEventSource, Intl, JSON });
  for (const listener of listeners) listener({ data: JSON.stringify({ count: n }) });
  return { text: count.textContent, hidden: box.hidden };
}

const ATTRIBUTES = new Map(LOCALES.map((l) => [l, attributesIn(l)]));

it.each([
  { locale: 'en', n: 1, says: '1 change by others since you opened this page —' },
  { locale: 'en', n: 1234, says: '1,234 changes by others since you opened this page —' },
  { locale: 'ru', n: 21, says: '21 изменение, внесённое другими с тех пор, как Вы открыли эту страницу, —' },
  { locale: 'ru', n: 3, says: '3 изменения, внесённые другими с тех пор, как Вы открыли эту страницу, —' },
  { locale: 'ru', n: 11, says: '11 изменений, внесённых другими с тех пор, как Вы открыли эту страницу, —' },
  { locale: 'az', n: 7, says: 'Bu səhifəni açdığınızdan bəri başqaları 7 dəyişiklik edib —' },
] as const)('$locale, $n changes: “$says”', ({ locale, n, says }) => {
  expect(noticeAfter(locale, ATTRIBUTES.get(locale)!, n)).toEqual({ text: says, hidden: false });
});

it('says, for any count in any language, what the catalogue says for it', () => {
  fc.assert(
    fc.property(fc.constantFrom(...LOCALES), fc.integer({ min: 1, max: 2_000_000 }), (locale, n) => {
      expect(noticeAfter(locale, ATTRIBUTES.get(locale)!, n)).toEqual({ text: translate(locale, 'ui.form.changes.count', { count: n }), hidden: false });
    }),
    { numRuns: 500 },
  );
});

it('stays hidden when nobody else changed anything', () => {
  for (const locale of LOCALES) expect(noticeAfter(locale, ATTRIBUTES.get(locale)!, 0).hidden).toBe(true);
});
