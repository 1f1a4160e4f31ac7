import { SYSTEM_ACTOR } from '../../src/services/actor';
import { addUser, PASSWORD } from '../support/app';
import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();

describe('signing in, editing and signing out in Chromium', () => {
  it('goes to login from a protected page and back, edits a person, and after sign-out the pages are closed', async () => {
    const { ctx } = app();
    addUser(ctx, 'browser-editor', 'planner');
    const adviser = ctx.services.people.get(ctx.demo!.people.adviser!);
    // Markup in a stored name must stay text in a real browser too.
    ctx.services.people.update(SYSTEM_ACTOR, adviser.id, adviser.version, { ...adviser, notes: '<img src=x onerror=alert(1)><script>alert(2)</script>' });

    const page = await app().newPage();
    const dialogs: string[] = [];
    const cspViolations: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });

    // A protected page sends a signed-out reader to the login form, which brings them back afterwards.
    await page.goto(`/people/${adviser.id}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('User name').fill('browser-editor');
    await page.getByLabel('Password').fill(PASSWORD);
    await Promise.all([page.waitForURL((url) => url.pathname === `/people/${adviser.id}`), page.getByRole('button', { name: 'Sign in' }).click()]);
    await page.getByRole('heading', { level: 1, name: 'Leyla Mammadova' }).waitFor();
    await page.getByText('<img src=x onerror=alert(1)><script>alert(2)</script>').waitFor();

    // The session cookie is out of reach of page scripts.
    expect(await page.evaluate(() => document.cookie)).not.toContain('fp.sid');
    expect((await page.context().cookies()).find((c) => c.name === 'fp.sid')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Position', { exact: true }).fill('Adviser to the Minister, trade with Russia and Belarus');
    await Promise.all([page.waitForURL((url) => url.pathname === `/people/${adviser.id}`), page.getByRole('button', { name: 'Save' }).click()]);
    await page.getByRole('status').filter({ hasText: 'Person “Leyla Mammadova” saved.' }).waitFor();
    await page.getByText('Adviser to the Minister, trade with Russia and Belarus').waitFor();
    expect(ctx.services.people.get(adviser.id).position).toBe('Adviser to the Minister, trade with Russia and Belarus');
    expect(ctx.services.audit.history('person', adviser.id)[0]).toMatchObject({ action: 'update', username: 'browser-editor' });

    await Promise.all([page.waitForURL((url) => url.pathname === '/login'), page.getByRole('button', { name: 'Sign out' }).click()]);
    await page.goto('/people');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.goto(`/people/${adviser.id}/edit`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();

    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
