/**
 * Import benchmark (issue 16): 10,000 people from a CSV (read, plan and
 * confirm: matching against what is there, the forms' validation, one
 * transaction with an audit row each) ÷ inserting the same 10,000 rows
 * through the people repository in one transaction, measured in the same run
 * on fresh databases, alternated. Target: ≤ 5.
 *
 * Run alone: npx tsx bench/import.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices } from '../src/services';
import { createStore } from '../src/store';
import { openDatabase } from '../src/store/database';
import { migrate } from '../src/store/migrate';
import { applyImport, guessColumns, readTable } from '../src/services/imports';

const PEOPLE = 10_000;
const ORGANIZATIONS = 40;
const REPETITIONS = 3;
const TARGET = 5;

function csvOf(): string {
  const lines = ['ID;Full name;Organisation;Position;E-mail;Phone'];
  for (let i = 0; i < PEOPLE; i++) lines.push(`P-${i};Person Number ${i};Organization ${i % ORGANIZATIONS};Adviser ${i % 17};person${i}@example.org;+994 50 ${String(1_000_000 + i)}`);
  return lines.join('\n');
}

function fresh(dir: string, name: string) {
  const db = openDatabase(path.join(dir, `${name}.db`));
  migrate(db);
  const services = createServices(createStore(db), { config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: 'https://bench.example.org' } });
  const actor = { userId: null, username: 'bench', role: 'planner' as const };
  const orgIds = Array.from({ length: ORGANIZATIONS }, (_, i) => services.organizations.create(actor, { name: `Organization ${i}`, nameRu: '', nameAz: '', country: '', kind: 'company' }).id);
  return { db, services, actor, orgIds };
}

export async function benchImport(): Promise<{ lines: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-bench-import-'));
  const csv = Buffer.from(csvOf());
  const importTimes: number[] = [];
  const baseTimes: number[] = [];
  try {
    for (let r = 0; r < REPETITIONS; r++) {
      {
        const { db, services, actor } = fresh(dir, `import-${r}`);
        const started = performance.now();
        const read = await readTable(csv, 'people.csv');
        if (!read.ok) throw new Error('the bench CSV did not read');
        const mapping = guessColumns('people', read.table.headers).map((g) => g.field);
        const result = applyImport(services, actor, 'people', read.table, mapping)!;
        importTimes.push(performance.now() - started);
        if (result.created.length !== PEOPLE) throw new Error(`imported ${result.created.length} of ${PEOPLE}`);
        db.close();
      }
      {
        const { db, services, orgIds } = fresh(dir, `base-${r}`);
        const started = performance.now();
        db.transaction(() => {
          for (let i = 0; i < PEOPLE; i++) {
            services.store.people.insert({
              fullName: `Person Number ${i}`, nameRu: '', nameAz: '', patronymicRu: '', position: `Adviser ${i % 17}`, positionRu: '', positionAz: '',
              organizationId: orgIds[i % ORGANIZATIONS]!, email: `person${i}@example.org`, phone: `+994 50 ${String(1_000_000 + i)}`, languages: '', notes: '',
            });
          }
        }).immediate();
        baseTimes.push(performance.now() - started);
        db.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(importTimes) / median(baseTimes);
  return {
    lines: [
      `import ${PEOPLE} people from CSV (read + preview + confirm): median ${median(importTimes).toFixed(0)} ms over ${REPETITIONS}`,
      `baseline, the same rows through the repository in one transaction: median ${median(baseTimes).toFixed(0)} ms`,
      `ratio import ÷ baseline: ${ratio.toFixed(2)} (target ≤ ${TARGET}) ${ratio <= TARGET ? 'OK' : 'OVER TARGET'}`,
    ],
  };
}

if (require.main === module) benchImport().then(({ lines }) => console.log(lines.join('\n')));
