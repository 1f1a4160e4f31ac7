/**
 * What the domain says reaches the reader in the reader's language: the
 * conflicts page over the SPIEF 2019 demo (its deliberate travel warning),
 * read with ?lang=ru and ?lang=az through real HTTP and a fresh database.
 */
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

jest.setTimeout(30_000);

let ctx: TestContext;
let viewer: SignedIn;
beforeAll(async () => {
  ctx = createTestApp();
  viewer = await signIn(ctx, 'languages-viewer', 'viewer');
});
afterAll(() => ctx.close());

const conflictsPage = async (lang: string) => {
  const res = await viewer.get(`/forums/${ctx.demo!.forumId}/conflicts?lang=${lang}`);
  expect(res.status).toBe(200);
  return textOf(res.text);
};

describe('the conflicts page’s sentences', () => {
  it.each([
    {
      lang: 'ru',
      said: [/Rashad Hasanov: после встречи «[^»]+» \(13:30–14:15, ExpoForum\) нужно 45 мин, чтобы добраться до площадки Smolny \(Government of Leningrad Region\) к встрече «[^»]+» в 14:30\./, /Недостаточно времени на переезд/],
    },
    {
      lang: 'az',
      said: [/Rashad Hasanov: «[^»]+» \(13:30–14:15, ExpoForum\) görüşündən sonra «[^»]+» görüşünə \(14:30\) Smolny \(Government of Leningrad Region\) məkanına çatmaq üçün 45 dəq lazımdır\./, /Yol vaxtı çatmır/],
    },
  ])('are in the reader’s language ($lang), with no English left in them', async ({ lang, said }) => {
    const text = await conflictsPage(lang);
    for (const pattern of said) expect(text).toMatch(pattern);
    for (const english of ['needs 45 min', 'Travel time too short', ' is in ']) expect(text).not.toContain(english);
  });

  it('stay in English for an English reader, as before', async () => {
    const text = await conflictsPage('en');
    expect(text).toContain('Travel time too short');
    expect(text).toMatch(/Rashad Hasanov is in '[^']+' \(13:30–14:15, ExpoForum\) and needs 45 min to reach Smolny/);
  });
});
