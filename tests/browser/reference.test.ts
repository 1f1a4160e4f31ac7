import { useBrowserApp } from '../support/browser';

const app = useBrowserApp();

describe('reference data in Chromium', () => {
  it('signs in, opens the forum home page and adds a person with a Russian name in Cyrillic through the form', async () => {
    const page = await app().signedInPage('browser-planner', 'planner');

    // Signing in lands on the current forum's home page.
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: '23rd St. Petersburg International Economic Forum' }).waitFor();
    await page.getByText('Azerbaijan — Ministry of Economy').first().waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('link', { name: 'New person' }).click();
    await page.getByLabel('Full name').fill('Mariya Smirnova');
    await page.getByLabel('Name in Russian').fill('Мария Смирнова');
    await page.getByLabel('Position', { exact: true }).fill('Adviser to the Governor');
    await page.getByLabel('Position in Russian').fill('Советник губернатора');
    await page.getByLabel('Organization').selectOption({ label: 'Government of Leningrad Region' });
    await page.getByLabel('Email').fill('m.smirnova@example.ru');
    await Promise.all([page.waitForURL(/\/people\/\d+$/), page.getByRole('button', { name: 'Save' }).click()]);

    await page.getByRole('status').filter({ hasText: 'Person “Mariya Smirnova” created.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Mariya Smirnova' }).waitFor();

    await page.getByRole('link', { name: 'All people' }).click();
    await page.getByRole('searchbox').fill('смирн');
    await page.getByRole('button', { name: 'Search' }).click();
    const rows = page.locator('table.table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Mariya Smirnova');
    expect(await rows.first().innerText()).toContain('Мария Смирнова');
    expect(await rows.first().innerText()).toContain('Government of Leningrad Region');
    // The Cyrillic name under the English one is marked as Russian for screen readers.
    expect(await rows.first().locator('span[lang="ru"]').first().innerText()).toBe('Мария Смирнова');
  });
});
