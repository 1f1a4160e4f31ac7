/**
 * Languages benchmark: what reading a page in Russian or Azerbaijani costs
 * against reading it in English. Target (issue 15): the day grid and the
 * agenda in Russian cost ≤ 1.1× the same page in English.
 *
 * The real app over a synthetic forum of 5,000 meetings, with the page cache
 * and the derived-view cache off, so every request builds and renders the
 * page (catalogue lookups, ICU formatting, dates, collation included). One
 * client asks back to back, in rounds that alternate the languages' order,
 * and each language's figure is the median time per request over its rounds.
 *
 * Run alone: npx tsx bench/languages.ts
 */
import { uncachedAppOnForum } from './synthetic-forum';

const LOCALES = ['en', 'ru', 'az'] as const;
const ROUNDS = 10;
const REQUESTS = 4;
const TARGET = 1.1;
const DAY = '2019-06-07';
const withLang = (urlPath: string, locale: string) => `${urlPath}${urlPath.includes('?') ? '&' : '?'}lang=${locale}`;

export async function benchLanguages(): Promise<{ lines: string[] }> {
  const { db, token, port, close } = await uncachedAppOnForum('bench-languages');
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const forumId = one('SELECT id FROM forum ORDER BY id LIMIT 1');
  const venueId = one(`SELECT id FROM venue WHERE forum_id = ${forumId} ORDER BY id LIMIT 1`);
  const delegationId = one('SELECT delegation_id FROM meeting_delegation GROUP BY delegation_id ORDER BY count(*) DESC, delegation_id LIMIT 1');
  const pages = [
    { name: 'day grid of one venue', path: `/forums/${forumId}/grid?day=${DAY}&venue=${venueId}` },
    { name: "delegation's agenda for a day", path: `/forums/${forumId}/agenda/delegation/${delegationId}/${DAY}` },
    // Every person's name chosen by language and sorted in the reader's alphabet, a page of 50 drawn.
    { name: 'people list, sorted by name', path: '/people' },
  ];
  const get = async (urlPath: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${urlPath}: ${res.status} ${body.slice(0, 200)}`);
    return body.length;
  };
  const lines = ['Languages: each page built and rendered on every request (page and derived caches off), 5,000-meeting forum, one client back to back; median ms per request over rounds that alternate the order; target: Russian ≤ 1.1× English'];
  lines.push(`  ${'page'.padEnd(32)}${LOCALES.map((l) => `${l} ms`.padStart(10)).join('')}${'ru÷en'.padStart(8)}${'az÷en'.padStart(8)}  target`);
  try {
    for (const page of pages) {
      const samples: Record<string, number[]> = { en: [], ru: [], az: [] };
      const bytes: Record<string, number> = {};
      for (const locale of LOCALES) bytes[locale] = await get(withLang(page.path, locale)); // warm: templates compiled, catalogues read
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? LOCALES : [...LOCALES].reverse();
        for (const locale of order) {
          const started = performance.now();
          for (let i = 0; i < REQUESTS; i++) await get(withLang(page.path, locale));
          samples[locale]!.push((performance.now() - started) / REQUESTS);
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const ms = Object.fromEntries(LOCALES.map((l) => [l, median(samples[l]!)])) as Record<(typeof LOCALES)[number], number>;
      const ru = ms.ru / ms.en;
      const az = ms.az / ms.en;
      lines.push(
        `  ${page.name.padEnd(32)}${LOCALES.map((l) => ms[l].toFixed(1).padStart(10)).join('')}${ru.toFixed(2).padStart(8)}${az.toFixed(2).padStart(8)}  ≤ ${TARGET} ${ru <= TARGET ? '✓' : '✗'}   (${LOCALES.map((l) => `${l} ${Math.round(bytes[l]! / 1024)} KB`).join(', ')})`,
      );
    }
  } finally {
    close();
  }
  return { lines };
}

if (require.main === module) {
  benchLanguages().then(({ lines }) => console.log(lines.join('\n')));
}
