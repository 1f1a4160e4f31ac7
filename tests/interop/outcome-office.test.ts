/**
 * The outcome report's files (issue 17) open in LibreOffice: the Word
 * document, in Russian, converted to PDF by `soffice --headless` and read
 * back with pdftotext (A4 landscape, the headings and the Governor's meeting
 * with Cyrillic intact); the workbook, in Azerbaijani, converted to PDF as
 * well (soffice's CSV holds one sheet, a PDF prints them all) and its text
 * read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, signIn, type TestContext } from '../support/app';
import { download } from '../support/docx';

const PACKAGES = 'libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils';
let ctx: TestContext;
let dir: string;
const texts: Record<string, { text: string; info: string }> = {};

function run(command: string, args: string[]): string {
  const done = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 });
  if (done.error) throw new Error(`cannot run ${command} (${done.error.message}): apt-get install -y ${PACKAGES}`);
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${done.stderr}`);
  return done.stdout;
}

beforeAll(async () => {
  ctx = createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-outcome-'));
  const planner = await signIn(ctx, 'interop-outcome', 'planner');
  const base = `/forums/${ctx.demo!.forumId}/outcome`;
  const files = { 'report-ru.docx': `${base}/report.docx?lang=ru`, 'report-az.xlsx': `${base}/export.xlsx?lang=az` };
  for (const [name, url] of Object.entries(files)) {
    const res = await download(planner.agent, url);
    expect(res.status).toBe(200);
    fs.writeFileSync(path.join(dir, name), res.body);
  }
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((n) => path.join(dir, n))]);
  for (const name of Object.keys(files)) {
    const pdf = path.join(dir, name.replace(/\.\w+$/, '.pdf'));
    texts[name] = { text: run('pdftotext', [pdf, '-']).replace(/\s+/g, ' '), info: run('pdfinfo', [pdf]) };
  }
}, 180_000);
afterAll(() => {
  ctx?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('opens the Word report in Russian on A4 landscape, with every section and the Governor’s meeting', () => {
  const { text, info } = texts['report-ru.docx']!;
  expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
  for (const heading of ['Итоговый отчёт', 'Кратко', 'Состоявшиеся встречи', 'Соглашения', 'B2B-встречи', 'О чём говорили, о чём договорились', 'Не учтены как состоявшиеся']) expect(text).toContain(heading);
  expect(text).toContain('Правительство Ленинградской области');
  expect(text).toContain('Санкт-Петербург');
});

it('opens the workbook in Azerbaijani with its sheets’ words intact', () => {
  const { text } = texts['report-az.xlsx']!;
  for (const word of ['Göstərici', 'Keçirilmiş görüşlər', 'Leninqrad vilayətinin Hökuməti', 'Meeting of Azerbaijani and Russian entrepreneurs']) expect(text).toContain(word);
});
