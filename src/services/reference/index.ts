import { z } from 'zod';
import { ORGANIZATION_KINDS, ROOM_KINDS } from '../../domain/types';
import type { Delegation, Forum, Organization, Person, Room, Venue } from '../../domain/types';
import type { Store } from '../../store';
import { daysBetween } from '../../domain/calendar-date';
import { liveLinkReferences } from '../../store/live-links';
import type { FeedScopeKind } from '../../domain/feed-scope';
import { RecordService } from './record-service';
import { field, said } from '../validation';
import { message } from '../../messages';
import type { Said } from '../../domain/errors';
import type { NamedText } from '../../messages/names';
import { withNamesByLanguage } from '../../domain/names';

// The folder's public face: what files outside it import from its inner files.
export { ForumDirectory } from './forum-directory';
export type { RecordService } from './record-service';

export const forumSchema = z.object({
  name: field.text('forum name'),
  shortName: field.text('short name', 40),
  startDate: field.date('first day'),
  endDate: field.date('last day'),
  timeZone: field.timeZone('time zone'),
  city: field.optionalText('city', 100),
});

export const venueSchema = z.object({
  forumId: field.id('forum'),
  name: field.text('venue name'),
  address: field.optionalText('address', 300),
  opensAt: field.optionalTimeOfDay('opening time'),
  closesAt: field.optionalTimeOfDay('closing time'),
  // Six decimals are about 10 cm: what a map app copies, and more than a venue needs.
  latitude: field.optionalDecimal('latitude', { min: -90, max: 90, places: 6 }),
  longitude: field.optionalDecimal('longitude', { min: -180, max: 180, places: 6 }),
});

export const roomSchema = z.object({
  venueId: field.id('venue'),
  name: field.text('room name'),
  capacity: field.int('capacity', { min: 0, max: 100_000 }),
  kind: field.oneOf('kind of room', ROOM_KINDS),
});

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** A name or position in Russian: in Cyrillic (a brand in Latin inside it is fine), or empty. */
const russianText = (label: string, what: NamedText, max: number) =>
  field.optionalText(label, max).refine((v) => v === '' || CYRILLIC.test(v), { message: said('name.russian-needs-cyrillic', { what }) });
/** A name or position in Azerbaijani: in its Latin script, no Cyrillic letter, or empty. */
const azerbaijaniText = (label: string, what: NamedText, max: number) =>
  field.optionalText(label, max).refine((v) => !CYRILLIC.test(v), { message: said('name.azerbaijani-in-latin', { what }) });

export const organizationSchema = z.object({
  name: field.text('organization name'),
  nameRu: russianText('name in Russian', 'name', 200),
  nameAz: azerbaijaniText('name in Azerbaijani', 'name', 200),
  country: field.optionalText('country', 100),
  kind: field.oneOf('kind of organization', ORGANIZATION_KINDS),
});

export const personSchema = z.object({
  fullName: field.text('full name'),
  nameRu: russianText('name in Russian', 'name', 200),
  nameAz: azerbaijaniText('name in Azerbaijani', 'name', 200),
  patronymicRu: russianText('patronymic in Russian', 'patronymic', 100),
  position: field.optionalText('position', 300),
  positionRu: russianText('position in Russian', 'position', 300),
  positionAz: azerbaijaniText('position in Azerbaijani', 'position', 300),
  organizationId: field.optionalId('organization'),
  email: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v ?? ''),
    z.union([z.literal(''), z.email(said('reference.email', {}))]),
  ),
  phone: field.optionalText('phone', 50),
  languages: field.optionalText('languages', 200),
  notes: field.optionalText('notes', 5000),
});

export const delegationSchema = z.object({
  forumId: field.id('forum'),
  name: field.text('delegation name'),
  country: field.optionalText('country', 100),
  homeTimeZone: field.timeZone('home time zone'),
  headPersonId: field.optionalId('head of delegation'),
});

/** Longer than any forum runs; a longer span is a typing slip in the year or month, and every day of it becomes a page. */
export const MAX_FORUM_DAYS = 62;

/** The reference-data services, each a RecordService with its rules. */
export function createReferenceServices(store: Store, clock: () => number = Date.now) {
  const exists = (ok: unknown, key: string, refusal: Said): Record<string, Said> => (ok ? {} : { [key]: refusal });
  const liveLinks = (scope: FeedScopeKind, id: number) => liveLinkReferences(store.db, scope, id, clock());

  const forums = new RecordService<Forum>(store, {
    entity: 'forum',
    label: 'forum',
    table: store.forums,
    schema: forumSchema,
    check: (v): Record<string, Said> =>
      v.endDate < v.startDate
        ? { endDate: message('forum.last-before-first', {}) }
        : daysBetween(v.startDate, v.endDate) >= MAX_FORUM_DAYS
          ? { endDate: message('forum.too-long', { days: MAX_FORUM_DAYS }) }
          : {},
    usage: (id) => store.forums.usage(id),
    forumIdOf: (f) => f.id,
    describe: (f) => f.name,
  }, clock);

  const venues = new RecordService<Venue>(store, {
    entity: 'venue',
    label: 'venue',
    table: store.venues,
    schema: venueSchema,
    check: (v): Record<string, Said> => ({
      ...exists(store.forums.find(v.forumId), 'forumId', message('reference.forum-missing', {})),
      ...((v.opensAt === null) !== (v.closesAt === null)
        ? { closesAt: message('venue.hours-half', {}) }
        : v.opensAt && v.closesAt && v.closesAt <= v.opensAt
          ? { closesAt: message('venue.closes-before-opening', {}) }
          : {}),
      ...((v.latitude === null) !== (v.longitude === null) ? { [v.latitude === null ? 'latitude' : 'longitude']: message('venue.coordinates-half', {}) } : {}),
    }),
    usage: (id) => store.venues.usage(id),
    forumIdOf: (v) => v.forumId,
    describe: (v) => v.name,
  }, clock);

  const rooms = new RecordService<Room>(store, {
    entity: 'room',
    label: 'room',
    table: store.rooms,
    schema: roomSchema,
    check: (v) => exists(store.venues.find(v.venueId), 'venueId', message('reference.venue-missing', {})),
    // Only a venue that exists elsewhere is refused here; a missing one gets check's own message.
    inForum: (v, forumId): Record<string, Said> => {
      const venue = store.venues.find(v.venueId);
      return venue && venue.forumId !== forumId ? { venueId: message('reference.venue-not-in-forum', {}) } : {};
    },
    usage: (id) => [...store.rooms.usage(id), liveLinks('room', id)],
    forumIdOf: (r) => store.venues.find(r.venueId)?.forumId ?? null,
    describe: (r) => r.name,
  }, clock);

  const organizations = new RecordService<Organization>(store, {
    entity: 'organization',
    label: 'organization',
    table: store.organizations,
    schema: organizationSchema,
    usage: (id) => [...store.organizations.usage(id), liveLinks('organization', id)],
    describe: (o) => o.name,
    fromStored: (state) => withNamesByLanguage(state, 'name', ['nameRu', 'nameAz']) as unknown as Organization,
  }, clock);

  const people = new RecordService<Person>(store, {
    entity: 'person',
    label: 'person',
    table: store.people,
    schema: personSchema,
    check: (v) => (v.organizationId === null ? {} : exists(store.organizations.find(v.organizationId), 'organizationId', message('reference.organization-missing', {}))),
    usage: (id) => [...store.people.usage(id), liveLinks('person', id)],
    describe: (p) => p.fullName,
    fromStored: (state) => withNamesByLanguage(state, 'fullName', ['nameRu', 'nameAz', 'patronymicRu', 'positionRu', 'positionAz']) as unknown as Person,
  }, clock);

  const delegations = new RecordService<Delegation>(store, {
    entity: 'delegation',
    label: 'delegation',
    table: store.delegations,
    schema: delegationSchema,
    check: (v) => ({
      ...exists(store.forums.find(v.forumId), 'forumId', message('reference.forum-missing', {})),
      ...(v.headPersonId === null ? {} : exists(store.people.find(v.headPersonId), 'headPersonId', message('reference.head-missing', {}))),
    }),
    usage: (id) => [...store.delegations.usage(id), liveLinks('delegation', id)],
    forumIdOf: (d) => d.forumId,
    describe: (d) => d.name,
  }, clock);

  return { forums, venues, rooms, organizations, people, delegations };
}

