import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogueProblems } from '../../scripts/check-i18n';
import { translate } from '../../src/messages/catalogue';

/** A repository of one view and three catalogues, written to a temporary folder. */
function repo(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-i18n-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

const cat = (messages: Record<string, string>) => JSON.stringify(messages);
const good = { 'a.hello': 'Hello, {name}', 'a.count': '{n, plural, one {# meeting} other {# meetings}}' };
const goodRu = { 'a.hello': 'Здравствуйте, {name}', 'a.count': '{n, plural, one {# встреча} few {# встречи} many {# встреч} other {# встречи}}' };
const goodAz = { 'a.hello': 'Salam, {name}', 'a.count': '{n, plural, other {# görüş}}' };

describe('the catalogue check', () => {
  const cases: Array<{ name: string; files: Record<string, string>; expect: RegExp[] }> = [
    { name: 'complete catalogues and a known key', files: { 'views/p.ejs': "<%= t('a.hello', { name }) %>" }, expect: [] },
    { name: 'a key Russian lacks', files: { 'src/messages/catalogues/ru/a.json': cat({ 'a.hello': 'Здравствуйте, {name}' }) }, expect: [/ru: 'a\.count' is missing/] },
    { name: 'a key only a translation has', files: { 'src/messages/catalogues/az/a.json': cat({ ...goodAz, 'a.extra': 'x' }) }, expect: [/'a\.extra' is not in English/] },
    { name: 'a translation that drops an argument', files: { 'src/messages/catalogues/ru/a.json': cat({ ...goodRu, 'a.hello': 'Здравствуйте' }) }, expect: [/leaves out \{name\}/] },
    { name: 'a translation that asks for an argument the code does not pass', files: { 'src/messages/catalogues/az/a.json': cat({ ...goodAz, 'a.hello': 'Salam, {who}' }) }, expect: [/leaves out \{name\}/, /uses \{who\}/] },
    { name: 'a message that is not ICU', files: { 'src/messages/catalogues/ru/a.json': cat({ ...goodRu, 'a.count': '{n, plural, one {# x}' }) }, expect: [/is not an ICU message/] },
    { name: 'markup in a message', files: { 'src/messages/catalogues/en/a.json': cat({ ...good, 'a.hello': 'Hello, <b>{name}</b>' }) }, expect: [/contains markup/] },
    { name: 'a view naming a key no catalogue has', files: { 'views/p.ejs': "<%= t('a.nope') %>" }, expect: [/views\/p\.ejs:1: no message 'a\.nope'/] },
    { name: 'a key built from a prefix no key has', files: { 'views/p.ejs': "<%= t('b.' + kind) %>" }, expect: [/no message starts with 'b\.'/] },
    { name: 'the same key in two files of one language', files: { 'src/messages/catalogues/en/b.json': cat({ 'a.hello': 'Hi' }) }, expect: [/'a\.hello' is also in a\.json/] },
  ];
  it.each(cases)('$name', ({ files, expect: expected }) => {
    const root = repo({
      'src/messages/catalogues/en/a.json': cat(good),
      'src/messages/catalogues/ru/a.json': cat(goodRu),
      'src/messages/catalogues/az/a.json': cat(goodAz),
      ...files,
    });
    const problems = catalogueProblems(root);
    expect(problems).toHaveLength(expected.length);
    for (const pattern of expected) expect(problems.some((p) => pattern.test(p))).toBe(true);
  });

  it('passes on the application itself: every language complete, every key in use defined', () => {
    expect(catalogueProblems()).toEqual([]);
  });
});

describe('translate', () => {
  it.each([
    { locale: 'en' as const, count: 1, out: '1 meeting' },
    { locale: 'en' as const, count: 2, out: '2 meetings' },
    { locale: 'ru' as const, count: 1, out: '1 встреча' },
    { locale: 'ru' as const, count: 3, out: '3 встречи' },
    { locale: 'ru' as const, count: 5, out: '5 встреч' },
    { locale: 'ru' as const, count: 21, out: '21 встреча' },
    { locale: 'az' as const, count: 4, out: '4 görüş' },
  ])('speaks the plural rules of $locale: $out', ({ locale, count, out }) => {
    expect(translate(locale, 'count.meetings', { count })).toBe(out);
  });

  it('throws on a key no language has, so a page with a raw key fails its test', () => {
    expect(() => translate('ru', 'no.such.key')).toThrow(/No message 'no\.such\.key'/);
  });

  it('answers in the language asked, with the same arguments', () => {
    expect(translate('en', 'nav.role', { role: 'planner' })).toBe('Role: planner');
    expect(translate('ru', 'nav.role', { role: 'планировщик' })).toBe('Роль: планировщик');
    expect(translate('az', 'nav.role', { role: 'planlayıcı' })).toBe('Rol: planlayıcı');
  });
});
