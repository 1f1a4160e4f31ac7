import { createTestApp, signIn, textOf, type TestContext } from '../support/app';

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

describe('reference pages', () => {
  it('shows every organization and person the report names', async () => {
    const planner = await signIn(ctx, 'planner1');
    const people = textOf((await planner.get('/people')).text);
    for (const name of ['Shahin Mustafayev', 'Şahin Mustafayev', 'Aleksandr Drozdenko', 'Александр Дрозденко']) expect(people).toContain(name);
    const orgs = textOf((await planner.get('/organizations')).text);
    for (const name of ['AZPROMO', 'Roscongress Foundation', 'GAZ Group', 'SOCAR Polymer', 'Gazprombank', 'Azerikimya', 'Hajigabul', 'Pirallahi', 'Government of Leningrad Region']) {
      expect(orgs).toContain(name);
    }
  });

  it('keeps the input and names the field when a person form is wrong', async () => {
    const planner = await signIn(ctx, 'planner2');
    const before = ctx.services.people.list().length;
    const res = await planner.submit('/people/new', '/people', { fullName: '   ', position: 'Adviser', email: 'not-an-email' });
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    expect(text).toContain('Enter the full name.');
    expect(text).toContain('Enter an email address like name@example.org');
    expect(res.text).toContain('value="Adviser"');
    expect(ctx.services.people.list().length).toBe(before);
  });
});
