import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkAtBothWidths } from '../support/axe';
import { signInThroughForm, useBrowserApp } from '../support/browser';
import { PASSWORD } from '../support/app';

/**
 * An admin takes a forum out of one installation and into another through
 * the pages: "Export (JSON)" on the forum's page downloads the file, the
 * import page takes it back (here as next year's copy, since this
 * installation holds the forum already), with and without JavaScript.
 */
const app = useBrowserApp();
const SHOTS = process.env.FORUM_TRANSFER_SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'forum-transfer-'));

afterAll(() => process.stdout.write(`forum transfer screenshots: ${SHOTS}\n`));

describe('moving a forum in Chromium', () => {
  it('downloads the export, is refused the same forum twice with the reason, and imports a copy', async () => {
    const page = await app().signedInPage('transfer-admin', 'admin');
    const forumId = app().ctx.demo!.forumId;
    await page.goto(`/forums/${forumId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^forum-\d+-\d{4}-\d{2}-\d{2}\.json$/);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc.format).toBe('forum-planner/forum');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Import a forum' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a forum' }).waitFor();
    await checkAtBothWidths(page, SHOTS, 'forum-import');

    await page.getByLabel('Forum file (.json)').setInputFiles(file);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('alert').filter({ hasText: 'The file was not imported; nothing was written:' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('forum: a forum “23rd St. Petersburg International Economic Forum” from 2019-06-06 to 2019-06-08 is already here');
    await checkAtBothWidths(page, SHOTS, 'forum-import-refused');

    doc.forum.name = 'SPIEF 2019, rehearsal copy';
    for (const m of doc.meetings) m.uid = `rehearsal-${m.uid}`;
    await page.getByLabel('Forum file (.json)').setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await Promise.all([page.waitForURL(/\/forums\/\d+$/), page.getByRole('button', { name: 'Import' }).click()]);
    await page.getByRole('status').filter({ hasText: 'Imported “SPIEF 2019, rehearsal copy”: 50 meetings' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'SPIEF 2019, rehearsal copy' }).waitFor();
    await checkAtBothWidths(page, SHOTS, 'forum-imported');
  });

  it('works without JavaScript, in Russian', async () => {
    const page = await app().newPage({ javaScriptEnabled: false });
    await signInThroughForm(page, 'transfer-admin', PASSWORD);
    await page.goto('/admin/forum-import');
    // The reader's own choice of language, which the posted form keeps too.
    await page.locator('#language-switch').selectOption('ru');
    await page.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('heading', { level: 1, name: 'Импорт форума' }).waitFor();
    await page.getByLabel('Файл форума (.json)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "forum-planner/forum", "version": 1, "forum": ') });
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByRole('alert').filter({ hasText: 'Файл не импортирован, ничего не записано:' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Это не полный JSON');
    // axe needs JavaScript: the crawl of every page checks this one in Russian; here only what a person sees.
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/forum-import-ru-${width}.png`, fullPage: true });
    }
  });
});
