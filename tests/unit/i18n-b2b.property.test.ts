/**
 * The B2B catalogue (ui-b2b.json) in all three languages, checked against
 * models: every message formats for any values its {arguments} can take, with
 * nothing of the ICU syntax left and every plain value shown; and Russian
 * counts take the form the language's rule asks for (1 стол, 3 стола, 5 столов,
 * 11 столов, 21 стол), Azerbaijani keeps the noun singular after a number.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUE_DIR, INTL_TAG, LOCALES, translate, type Locale, type MessageParams } from '../../src/messages/catalogue';

const english = JSON.parse(fs.readFileSync(path.join(CATALOGUE_DIR, 'en', 'ui-b2b.json'), 'utf8')) as Record<string, string>;
const KEYS = Object.keys(english);

type Ast = ReturnType<IntlMessageFormat['getAst']>;
type El = { type: number; value?: string; options?: Record<string, { value: Ast }> };

/** What each argument of a message is: plain text, a count, or a choice among its select's options. Top-level plain ones must show. */
function argumentsOf(source: string) {
  const kinds = new Map<string, { kind: 'text' | 'count' } | { kind: 'choice'; options: string[] }>();
  const shown = new Set<string>();
  const walk = (ast: Ast, top: boolean) => {
    for (const el of ast as El[]) {
      if ((el.type === 1 || el.type === 2) && el.value) {
        if (!kinds.has(el.value)) kinds.set(el.value, { kind: el.type === 2 ? 'count' : 'text' });
        if (top && el.type === 1) shown.add(el.value);
      }
      if (el.type === 6 && el.value) kinds.set(el.value, { kind: 'count' });
      if (el.type === 5 && el.value) kinds.set(el.value, { kind: 'choice', options: Object.keys(el.options ?? {}) });
      for (const option of Object.values(el.options ?? {})) walk(option.value, false);
    }
  };
  walk(new IntlMessageFormat(source, 'en', undefined, { ignoreTag: true }).getAst(), true);
  return { kinds, shown };
}

/** Values for a message's arguments: words from people (any letters, no ICU syntax), counts, and a select's options or anything else. */
function paramsFor(source: string): fc.Arbitrary<MessageParams> {
  const { kinds } = argumentsOf(source);
  const record: Record<string, fc.Arbitrary<string | number>> = {};
  for (const [name, k] of kinds) {
    if (k.kind === 'count') record[name] = fc.nat({ max: 100_000 });
    else if (k.kind === 'choice') record[name] = fc.oneof(fc.constantFrom(...k.options), fc.nat({ max: 5 }).map(String));
    else record[name] = fc.stringMatching(/^[A-Za-zА-Яа-яƏəĞğİıÖöÜüÇçŞş0-9][A-Za-zА-Яа-яƏəĞğİıÖöÜüÇçŞş0-9 .,–-]{0,30}$/);
  }
  return fc.record(record) as fc.Arbitrary<MessageParams>;
}

describe('the B2B catalogue', () => {
  it('formats every message in every language for any values, leaving no ICU syntax and showing every plain value', () => {
    for (const key of KEYS) {
      const { shown } = argumentsOf(english[key]!);
      fc.assert(
        fc.property(paramsFor(english[key]!), fc.constantFrom<Locale>(...LOCALES), (params, locale) => {
          const out = translate(locale, key, params);
          expect(out).not.toMatch(/[{}]/);
          for (const name of shown) expect(out).toContain(String(params[name]));
        }),
        { numRuns: 40 },
      );
    }
  });

  /** Russian: one for 1, 21, 101 (not 11); few for 2–4, 22–24 (not 12–14); many for the rest. */
  const russianForm = (n: number, one: string, few: string, many: string) => {
    const ten = n % 10;
    const hundred = n % 100;
    if (ten === 1 && hundred !== 11) return one;
    if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) return few;
    return many;
  };
  const numberIn = (locale: Locale, n: number) => new Intl.NumberFormat(INTL_TAG[locale]).format(n);

  it.each([
    { key: 'ui.b2b.tables', forms: ['стол', 'стола', 'столов'], az: 'masa' },
    { key: 'ui.b2b.publish.companies', forms: ['компания', 'компании', 'компаний'], az: 'şirkət' },
    { key: 'ui.b2b.publish.meetings', forms: ['встреча B2B', 'встречи B2B', 'встреч B2B'], az: 'B2B görüşü' },
  ])('counts with the rule of each language: $key', ({ key, forms, az }) => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), (n) => {
        expect(translate('ru', key, { count: n })).toBe(`${numberIn('ru', n)} ${russianForm(n, forms[0]!, forms[1]!, forms[2]!)}`);
        expect(translate('az', key, { count: n })).toBe(`${numberIn('az', n)} ${az}`);
      }),
    );
  });
});
