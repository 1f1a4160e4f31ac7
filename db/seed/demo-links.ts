/**
 * The demo's secret links, each in its reader's language: the Governor of
 * Leningrad Region's office reads its link (page, agenda, calendar) in
 * Russian, the Minister's phone in Azerbaijani. Only `npm run seed` makes
 * them, since a secret is shown once: it prints their addresses.
 */
import type { Services } from '../../src/services';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { DemoIds } from './demo';

export interface DemoLink {
  label: string;
  locale: string;
  secret: string;
}

export function loadDemoLinks(services: Services, ids: DemoIds): DemoLink[] {
  const links = [
    { scope: 'person', scopeId: ids.people.drozdenko, label: 'Governor’s office, Leningrad Region', locale: 'ru', reminderMinutes: 30 },
    { scope: 'person', scopeId: ids.people.mustafayev, label: 'Minister’s phone', locale: 'az', reminderMinutes: 15 },
    { scope: 'delegation', scopeId: ids.delegations.azerbaijan, label: 'Protocol desk', locale: 'en', reminderMinutes: null },
  ];
  return links.map((l) => ({ label: l.label, locale: l.locale, secret: services.feeds.createToken(SYSTEM_ACTOR, ids.forumId, l).secret }));
}
