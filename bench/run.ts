/**
 * `npm run bench`: every benchmark in one run, each printing its figures
 * against a baseline measured in the same run, so a slow machine slows both.
 * `npm run bench -- b2b` runs only those whose name contains "b2b".
 * A new benchmark is one line in BENCHMARKS.
 */
import { benchB2B } from './b2b';
import { benchFeeds } from './feeds';

const BENCHMARKS: [name: string, run: () => Promise<{ lines: string[] }>][] = [
  ['B2B scheduling', benchB2B],
  ['Calendar feeds', benchFeeds],
];

async function main(filter: string | undefined): Promise<void> {
  const chosen = BENCHMARKS.filter(([name]) => !filter || name.toLowerCase().includes(filter.toLowerCase()));
  if (!chosen.length) throw new Error(`No benchmark matches “${filter}”; there are: ${BENCHMARKS.map(([name]) => name).join(', ')}.`);
  for (const [name, run] of chosen) {
    const started = performance.now();
    const { lines } = await run();
    console.log(`\n== ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)\n${lines.join('\n')}`);
  }
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
