/**
 * `npm run bench`: every benchmark in one run, each printing its figures
 * against a baseline measured in the same run, so a slow machine slows both.
 * `npm run bench -- b2b` runs only those whose name contains "b2b".
 * A new benchmark is one line in BENCHMARKS.
 *
 * Each benchmark's module is loaded only when it runs, so that no benchmark
 * carries another's code in its figures (the conflicts bench reports the
 * process's peak RSS); Conflicts stays first for the same reason.
 */
const BENCHMARKS: [name: string, run: () => Promise<{ lines: string[] }>][] = [
  ['Conflicts', () => (require('./conflicts') as typeof import('./conflicts')).benchConflicts()],
  ['B2B scheduling', () => (require('./b2b') as typeof import('./b2b')).benchB2B()],
  ['Calendar feeds', () => (require('./feeds') as typeof import('./feeds')).benchFeeds()],
  ['Busy lock', () => (require('./busy-lock') as typeof import('./busy-lock')).benchBusyLock()],
  ['Time finder', () => (require('./time-finder') as typeof import('./time-finder')).benchTimeFinder()],
  ['Languages', () => (require('./languages') as typeof import('./languages')).benchLanguages()],
  ['Import reading', () => (require('./import-read') as typeof import('./import-read')).benchImportRead()],
  ['Exports', () => (require('./exports') as typeof import('./exports')).benchExports()],
  ['HTTP', () => (require('./http') as typeof import('./http')).benchHttp()],
  ['Import', () => (require('./import') as typeof import('./import')).benchImport()],
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
