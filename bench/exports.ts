/**
 * Exports benchmark: what a list's download costs against showing the list.
 * The real app over a synthetic forum of 5,000 meetings, page and derived
 * caches off, so every request builds from the database. For one day's
 * meetings and for the contact book: the list page (one page of 50 rows) and
 * the whole filtered list as .csv and .xlsx, median ms per request, and each
 * export's cost per row ÷ the page's cost per row (both in this run).
 *
 * Run alone: npx tsx bench/exports.ts
 */
import { uncachedAppOnForum } from './synthetic-forum';

const ROUNDS = 5;
const DAY = '2019-06-07';

export async function benchExports(): Promise<{ lines: string[] }> {
  const { db, token, port, close } = await uncachedAppOnForum('bench-exports');
  const forumId = db.prepare('SELECT id FROM forum ORDER BY id LIMIT 1').pluck().get() as number;
  const get = async (urlPath: string): Promise<Buffer> => {
    const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, { headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200) throw new Error(`${urlPath}: ${res.status} ${body.toString('utf8').slice(0, 200)}`);
    return body;
  };
  const median = async (urlPath: string) => {
    await get(urlPath); // warm: templates compiled, catalogues read
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      await get(urlPath);
      samples.push(performance.now() - started);
    }
    return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  };
  const lists = [
    { name: `meetings of ${DAY}`, list: `/forums/${forumId}/meetings?day=${DAY}`, exportPath: `/forums/${forumId}/meetings/export`, query: `?day=${DAY}` },
    { name: 'people (the contact book)', list: '/people', exportPath: '/people/export', query: '' },
  ];
  const lines = ['Exports: the whole filtered list as a file ÷ one page (50 rows) of it, per row; 5,000-meeting forum, caches off, median of 5 requests'];
  lines.push(`  ${'list'.padEnd(28)}${'rows'.padStart(7)}${'page ms'.padStart(9)}${'csv ms'.padStart(9)}${'xlsx ms'.padStart(9)}${'csv÷page/row'.padStart(14)}${'xlsx÷page/row'.padStart(15)}`);
  try {
    for (const l of lists) {
      const rows = (await get(`${l.exportPath}.csv${l.query}`)).toString('utf8').split('\r\n').length - 2;
      const page = await median(l.list);
      const csv = await median(`${l.exportPath}.csv${l.query}`);
      const xlsx = await median(`${l.exportPath}.xlsx${l.query}`);
      const pageRows = Math.min(50, rows);
      const perRow = (ms: number) => (ms / rows / (page / pageRows)).toFixed(2);
      lines.push(`  ${l.name.padEnd(28)}${String(rows).padStart(7)}${page.toFixed(1).padStart(9)}${csv.toFixed(1).padStart(9)}${xlsx.toFixed(1).padStart(9)}${perRow(csv).padStart(14)}${perRow(xlsx).padStart(15)}`);
    }
  } finally {
    close();
  }
  return { lines };
}

if (require.main === module) {
  benchExports().then(({ lines }) => console.log(lines.join('\n')));
}
