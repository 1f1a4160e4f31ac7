/**
 * Why a company is away from the tables is one of the B2B engine's own words
 * (the hall's venue closed, the hall booked), kept as a message so that the
 * company's agenda and the reasons a request stays unplaced read in the
 * reader's language. Real SQLite over the SPIEF 2019 demo.
 */
import { message, render } from '../../src/messages';
import { messageFromStore } from '../../src/messages/stored';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, type TestContext } from '../support/app';

jest.setTimeout(30_000);

let ctx: TestContext;
let sessionId: number;
beforeAll(() => {
  ctx = createTestApp();
  sessionId = ctx.services.b2b.sessions.list(ctx.demo!.forumId)[0]!.id;
  // The hall's venue closes at 12:30: every slot after that is busy for every company, for a reason of ours.
  const expo = ctx.services.venues.get(ctx.demo!.venues.expo);
  ctx.services.venues.update(SYSTEM_ACTOR, expo.id, expo.version, { forumId: expo.forumId, name: expo.name, address: expo.address, opensAt: '08:00', closesAt: '12:30' });
});
afterAll(() => ctx.close());

const closedLabel = () => {
  const busy = ctx.services.b2b.scheduling.load(sessionId).input.participants[0]!.busy;
  return busy.map((b) => b.label ?? '').find((l) => messageFromStore(l).key === 'b2b.busy.hall-closed');
};

describe('a busy time the engine explains itself', () => {
  it('is kept as a message, not as an English sentence', () => {
    const label = closedLabel();
    expect(label).toBeDefined();
    expect(messageFromStore(label!)).toEqual(message('b2b.busy.hall-closed', { venue: ctx.services.venues.get(ctx.demo!.venues.expo).name }));
  });

  it.each([
    { locale: 'en' as const, text: /^.+ is closed$/ },
    { locale: 'ru' as const, text: /^.+: закрыто$/ },
    { locale: 'az' as const, text: /^.+ bağlıdır$/ },
  ])('reads in a company’s agenda in $locale', ({ locale, text }) => {
    const overview = ctx.services.b2b.views.overview(sessionId);
    const company = overview.participants[0]!.record.id;
    // The slots after 12:30, whether or not the applied schedule still has a meeting there.
    const busy = ctx.services.b2b.views.agendaOf(overview, company, locale).map((row) => row.busy.split('; '));
    expect(busy.some((parts) => parts.some((part) => text.test(part)))).toBe(true);
    expect(busy.flat().some((part) => part.startsWith('{'))).toBe(false);
  });

  it('reads inside an unplaced request’s reason in the reader’s language', () => {
    const reason = message('b2b.unplaced.participant-busy', { a: 'AZPROMO', b: 'KAMAZ', neither: false, who: 'KAMAZ', labels: [closedLabel()!, 'Lunch with the Governor'] });
    expect(render(reason, 'ru')).toMatch(/нет свободного слота \(«.+: закрыто», «Lunch with the Governor»\)\./);
    expect(render(reason, 'en')).toMatch(/has a free slot in it \('.+ is closed', 'Lunch with the Governor'\)\./);
  });
});
