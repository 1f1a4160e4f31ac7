import { MEMBER_ROLES, ORGANIZATION_KINDS, ROOM_KINDS } from '../../domain/types';
import type { Services } from '../../services';
import { message, render } from '../../messages';
import { DEFAULT_LOCALE, translate, type Locale } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';
import { helpersFor } from '../view-helpers';
import { readerLocale } from '../locale';
import { displayName, nameText, positionsOf, searchWordsOf } from '../../domain/names';
import type { AreaSpec, Option } from './record-area';
import type { Delegation, Forum, Organization, Person, Room, Venue } from '../../domain/types';

/** An enum's choices, each worded by the catalogue key `prefix + value` ('ui.records.room-kind.hall'). */
const enumOptions = (values: readonly string[], prefix: string, locale: Locale): Option[] => values.map((v) => ({ value: v, label: translate(locale, prefix + v) }));
/** Choices in the reader's alphabet: Azerbaijani Ə after E, Russian Cyrillic before Latin. */
const byLabel = (locale: Locale) => {
  const collator = collatorFor(locale);
  return (a: Option, b: Option) => collator.compare(a.label, b.label);
};
const roomKind = (kind: string, locale: Locale = DEFAULT_LOCALE) => translate(locale, `ui.records.room-kind.${kind}`);
const organizationKind = (kind: string, locale: Locale = DEFAULT_LOCALE) => translate(locale, `ui.records.org-kind.${kind}`);

/**
 * The page specs of the reference-data areas: what each list shows and each
 * form asks. Titles, labels and hints are catalogue keys (ui.records.<area>.*),
 * worded in the reader's language by record-area.ts; values that are words
 * (a kind, "Always open") take the reader's locale.
 */
export function referenceAreas(s: Services) {
  const orgName = (id: number | null) => (id === null ? '' : (s.organizations.find(id)?.name ?? ''));
  const orgOf = (id: number | null) => (id === null ? undefined : s.organizations.find(id));
  const organizationShown = (o: Organization | undefined, locale: Locale) => {
    const shown = o ? displayName(o, locale) : null;
    return { value: shown?.text ?? '', lang: shown?.lang };
  };
  const personName = (id: number | null) => (id === null ? '' : (s.people.find(id)?.fullName ?? ''));
  const peopleOptions = (locale: Locale) =>
    s.people
      .list()
      .map((p) => ({ value: p.id, label: `${nameText(p, locale)}${p.position ? ` — ${nameText(positionsOf(p), locale)}` : ''}` }))
      .sort(byLabel(locale));
  const hours = (v: Venue, locale: Locale = DEFAULT_LOCALE) => (v.opensAt ? `${v.opensAt}–${v.closesAt}` : translate(locale, 'ui.forums.always-open'));

  const forums: AreaSpec<Forum> = {
    title: 'ui.records.forums.title',
    singular: 'forum',
    service: s.forums,
    scope: 'shared',
    segment: 'forums',
    fields: [
      { name: 'name', label: 'ui.records.forums.field.name', type: 'text', required: true },
      { name: 'shortName', label: 'ui.records.forums.field.shortName', type: 'text', required: true, hint: 'ui.records.forums.hint.shortName' },
      { name: 'startDate', label: 'ui.records.forums.field.startDate', type: 'date', required: true },
      { name: 'endDate', label: 'ui.records.forums.field.endDate', type: 'date', required: true },
      { name: 'timeZone', label: 'ui.records.forums.field.timeZone', type: 'text', required: true, hint: 'ui.records.forums.hint.timeZone' },
      { name: 'city', label: 'ui.records.forums.field.city', type: 'text' },
    ],
    columns: [
      { key: 'name', label: 'ui.records.forums.col.name', value: (f) => f.name, secondary: (f) => f.shortName },
      { key: 'dates', label: 'ui.records.forums.col.dates', value: (f, locale = DEFAULT_LOCALE) => helpersFor(locale).dateRange(f.startDate, f.endDate), sortValue: (f) => f.startDate },
      { key: 'city', label: 'ui.records.forums.col.city', value: (f) => f.city },
      { key: 'zone', label: 'ui.records.forums.col.zone', value: (f) => f.timeZone },
    ],
    search: (f) => [f.name, f.shortName, f.city],
    defaults: () => ({ timeZone: 'Europe/Moscow' }),
  };

  const venues: AreaSpec<Venue> = {
    title: 'ui.records.venues.title',
    singular: 'venue',
    service: s.venues,
    scope: 'forum',
    segment: 'venues',
    fields: [
      { name: 'name', label: 'ui.records.venues.field.name', type: 'text', required: true },
      { name: 'address', label: 'ui.records.venues.field.address', type: 'text' },
      { name: 'opensAt', label: 'ui.records.venues.field.opensAt', type: 'time', hint: 'ui.records.venues.hint.opensAt' },
      { name: 'closesAt', label: 'ui.records.venues.field.closesAt', type: 'time' },
      // Text, not number: a phone's number keyboard may have no decimal point.
      { name: 'latitude', label: 'ui.links.venue-latitude', type: 'text', hint: 'ui.links.venue-coordinates-hint' },
      { name: 'longitude', label: 'ui.links.venue-longitude', type: 'text' },
    ],
    columns: [
      { key: 'name', label: 'ui.records.venues.col.name', value: (v) => v.name },
      { key: 'address', label: 'ui.records.venues.col.address', value: (v) => v.address },
      { key: 'hours', label: 'ui.records.venues.col.hours', value: hours },
      { key: 'rooms', label: 'ui.records.venues.col.rooms', value: (v) => String(s.rooms.list({ venueId: v.id }).length), sortValue: (v) => s.rooms.list({ venueId: v.id }).length },
    ],
    search: (v) => [v.name, v.address],
    listFor: (forumId) => s.venues.list({ forumId }),
    forumIdOf: (v) => v.forumId,
    fixedValues: (forumId) => ({ forumId }),
    details: (v, locale) => [
      { label: 'ui.records.venues.field.address', value: v.address },
      { label: 'ui.records.venues.col.hours', value: hours(v, locale) },
      { label: 'ui.links.venue-coordinates', value: v.latitude === null ? '' : `${v.latitude}, ${v.longitude}` }, // with a dot in every language, as map apps take them
    ],
    showExtra: {
      partial: 'venue-rooms',
      locals: (v, req) => {
        const locale = readerLocale(req);
        return { rooms: s.rooms.list({ venueId: v.id }).map((r) => ({ ...r, kindLabel: roomKind(r.kind, locale) })), forumId: v.forumId };
      },
    },
  };

  const rooms: AreaSpec<Room> = {
    title: 'ui.records.rooms.title',
    singular: 'room',
    service: s.rooms,
    scope: 'forum',
    segment: 'rooms',
    fields: [
      { name: 'venueId', label: 'ui.records.rooms.field.venueId', type: 'select', required: true, options: (forumId) => s.venues.list({ forumId }).map((v) => ({ value: v.id, label: v.name })) },
      { name: 'name', label: 'ui.records.rooms.field.name', type: 'text', required: true },
      { name: 'capacity', label: 'ui.records.rooms.field.capacity', type: 'number', required: true },
      { name: 'kind', label: 'ui.records.rooms.field.kind', type: 'select', required: true, options: (_forumId, locale) => enumOptions(ROOM_KINDS, 'ui.records.room-kind.', locale) },
    ],
    columns: [
      { key: 'name', label: 'ui.records.rooms.col.name', value: (r) => r.name },
      { key: 'venue', label: 'ui.records.rooms.col.venue', value: (r) => s.venues.find(r.venueId)?.name ?? '' },
      { key: 'capacity', label: 'ui.records.rooms.col.capacity', value: (r) => String(r.capacity), sortValue: (r) => r.capacity },
      { key: 'kind', label: 'ui.records.rooms.col.kind', value: (r, locale) => roomKind(r.kind, locale) },
    ],
    search: (r) => [r.name, s.venues.find(r.venueId)?.name ?? ''],
    listFor: (forumId) => s.directory.roomsOfForum(forumId),
    forumIdOf: (r) => s.venues.find(r.venueId)?.forumId ?? null,
    defaults: () => ({ kind: 'meeting_room', capacity: '10' }),
    details: (r, locale) => [
      { label: 'ui.records.rooms.field.venueId', value: s.venues.find(r.venueId)?.name ?? '' },
      { label: 'ui.records.rooms.field.capacity', value: String(r.capacity) },
      { label: 'ui.records.rooms.field.kind', value: roomKind(r.kind, locale) },
    ],
  };

  const organizations: AreaSpec<Organization> = {
    title: 'ui.records.organizations.title',
    singular: 'organization',
    service: s.organizations,
    scope: 'shared',
    segment: 'organizations',
    fields: [
      { name: 'name', label: 'ui.records.organizations.field.name', type: 'text', required: true },
      { name: 'nameRu', label: 'ui.names.field.org-name-ru', type: 'text', lang: 'ru', hint: 'ui.names.hint.org-name-ru' },
      { name: 'nameAz', label: 'ui.names.field.org-name-az', type: 'text', lang: 'az', hint: 'ui.names.hint.org-name-az' },
      { name: 'country', label: 'ui.records.organizations.field.country', type: 'text' },
      { name: 'kind', label: 'ui.records.organizations.field.kind', type: 'select', required: true, options: (_forumId, locale) => enumOptions(ORGANIZATION_KINDS, 'ui.records.org-kind.', locale) },
    ],
    columns: [
      { key: 'name', label: 'ui.records.organizations.col.name', value: (o) => o.name, name: (o) => o },
      { key: 'country', label: 'ui.records.organizations.col.country', value: (o) => o.country },
      { key: 'kind', label: 'ui.records.organizations.col.kind', value: (o, locale) => organizationKind(o.kind, locale) },
    ],
    search: (o) => [o.name, o.nameRu, o.nameAz, o.country],
    // The export has the name in every language beside the reader's, so a file can go back to any office.
    exportColumns: [
      { key: 'nameEn', label: 'ui.records.organizations.field.name', value: (o) => o.name },
      { key: 'nameRu', label: 'ui.names.field.org-name-ru', value: (o) => o.nameRu },
      { key: 'nameAz', label: 'ui.names.field.org-name-az', value: (o) => o.nameAz },
    ],
    titleName: (o) => o,
    defaults: () => ({ kind: 'company' }),
    details: (o, locale) => [
      { label: 'ui.names.field.org-name-ru', value: o.nameRu, lang: 'ru' },
      { label: 'ui.names.field.org-name-az', value: o.nameAz, lang: 'az' },
      { label: 'ui.records.organizations.field.country', value: o.country },
      { label: 'ui.records.organizations.field.kind', value: organizationKind(o.kind, locale) },
    ],
    showExtra: {
      partial: 'organization-people',
      locals: (o, req) => {
        const locale = readerLocale(req);
        const collator = collatorFor(locale);
        return { people: s.people.list({ organizationId: o.id }).sort((a, b) => collator.compare(nameText(a, locale), nameText(b, locale))) };
      },
    },
  };

  const people: AreaSpec<Person> = {
    title: 'ui.records.people.title',
    singular: 'person',
    service: s.people,
    scope: 'shared',
    segment: 'people',
    fields: [
      { name: 'fullName', label: 'ui.records.people.field.fullName', type: 'text', required: true, hint: 'ui.names.hint.full-name' },
      { name: 'nameRu', label: 'ui.names.field.name-ru', type: 'text', lang: 'ru', hint: 'ui.names.hint.name-ru' },
      { name: 'nameAz', label: 'ui.names.field.name-az', type: 'text', lang: 'az', hint: 'ui.names.hint.name-az' },
      { name: 'patronymicRu', label: 'ui.names.field.patronymic-ru', type: 'text', lang: 'ru', hint: 'ui.names.hint.patronymic-ru' },
      { name: 'position', label: 'ui.records.people.field.position', type: 'text' },
      { name: 'positionRu', label: 'ui.names.field.position-ru', type: 'text', lang: 'ru', hint: 'ui.names.hint.position-ru' },
      { name: 'positionAz', label: 'ui.names.field.position-az', type: 'text', lang: 'az', hint: 'ui.names.hint.position-az' },
      {
        name: 'organizationId',
        label: 'ui.records.people.field.organizationId',
        type: 'select',
        optional: true,
        options: (_forumId, locale) => s.organizations.list().map((o) => ({ value: o.id, label: nameText(o, locale) })).sort(byLabel(locale)),
      },
      { name: 'email', label: 'ui.records.people.field.email', type: 'email' },
      { name: 'phone', label: 'ui.records.people.field.phone', type: 'tel' },
      { name: 'languages', label: 'ui.records.people.field.languages', type: 'text', hint: 'ui.records.people.hint.languages' },
      { name: 'notes', label: 'ui.records.people.field.notes', type: 'textarea' },
    ],
    columns: [
      { key: 'name', label: 'ui.records.people.col.name', value: (p) => p.fullName, name: (p) => p },
      { key: 'position', label: 'ui.records.people.col.position', value: (p) => p.position, name: (p) => positionsOf(p), alone: true },
      { key: 'organization', label: 'ui.records.people.col.organization', value: (p) => orgName(p.organizationId), name: (p) => orgOf(p.organizationId) ?? { en: '' }, alone: true },
    ],
    search: (p) => searchWordsOf(p, orgOf(p.organizationId)),
    exportColumns: [
      { key: 'fullName', label: 'ui.records.people.field.fullName', value: (p) => p.fullName },
      { key: 'nameRu', label: 'ui.names.field.name-ru', value: (p) => p.nameRu },
      { key: 'nameAz', label: 'ui.names.field.name-az', value: (p) => p.nameAz },
      { key: 'patronymicRu', label: 'ui.names.field.patronymic-ru', value: (p) => p.patronymicRu },
      { key: 'email', label: 'ui.records.people.field.email', value: (p) => p.email },
      { key: 'phone', label: 'ui.records.people.field.phone', value: (p) => p.phone },
      { key: 'languages', label: 'ui.records.people.field.languages', value: (p) => p.languages },
    ],
    titleName: (p) => p,
    details: (p, locale) => [
      { label: 'ui.names.field.name-ru', value: p.nameRu, lang: 'ru' },
      { label: 'ui.names.field.name-az', value: p.nameAz, lang: 'az' },
      { label: 'ui.names.field.patronymic-ru', value: p.patronymicRu, lang: 'ru' },
      { label: 'ui.records.people.field.position', value: p.position },
      { label: 'ui.names.field.position-ru', value: p.positionRu, lang: 'ru' },
      { label: 'ui.names.field.position-az', value: p.positionAz, lang: 'az' },
      { label: 'ui.records.people.field.organizationId', ...organizationShown(orgOf(p.organizationId), locale), href: p.organizationId ? `/organizations/${p.organizationId}` : undefined },
      { label: 'ui.records.people.field.email', value: p.email },
      { label: 'ui.records.people.field.phone', value: p.phone },
      { label: 'ui.records.people.field.languages', value: p.languages },
      { label: 'ui.records.people.field.notes', value: p.notes },
    ],
    // People are shared across forums: offer the agenda in each forum where they have meetings or a delegation.
    showExtra: {
      partial: 'person-agendas',
      locals: (p) => ({
        agendaForums: s.forums
          .list()
          .filter((f) => s.meetings.list({ forumId: f.id, personId: p.id }).length > 0 || s.delegations.list({ forumId: f.id }).some((d) => s.directory.members(d.id).some((m) => m.personId === p.id))),
      }),
    },
  };

  const delegations: AreaSpec<Delegation> = {
    title: 'ui.records.delegations.title',
    singular: 'delegation',
    service: s.delegations,
    scope: 'forum',
    segment: 'delegations',
    fields: [
      { name: 'name', label: 'ui.records.delegations.field.name', type: 'text', required: true },
      { name: 'country', label: 'ui.records.delegations.field.country', type: 'text' },
      { name: 'homeTimeZone', label: 'ui.records.delegations.field.homeTimeZone', type: 'text', required: true, hint: 'ui.records.delegations.hint.homeTimeZone' },
      { name: 'headPersonId', label: 'ui.records.delegations.field.headPersonId', type: 'select', optional: true, options: (_forumId, locale) => peopleOptions(locale) },
    ],
    columns: [
      { key: 'name', label: 'ui.records.delegations.col.name', value: (d) => d.name },
      { key: 'country', label: 'ui.records.delegations.col.country', value: (d) => d.country },
      // The head's name in the reader's language, on the page and in its export (Шахин Мустафаев for a Russian reader).
      { key: 'head', label: 'ui.records.delegations.col.head', value: (d) => personName(d.headPersonId), name: (d) => (d.headPersonId === null ? undefined : s.people.find(d.headPersonId)) ?? { en: '' }, alone: true },
      { key: 'members', label: 'ui.records.delegations.col.members', value: (d) => String(s.directory.members(d.id).length), sortValue: (d) => s.directory.members(d.id).length },
    ],
    search: (d) => [d.name, d.country, personName(d.headPersonId)],
    listFor: (forumId) => s.delegations.list({ forumId }),
    forumIdOf: (d) => d.forumId,
    fixedValues: (forumId) => ({ forumId }),
    relatedHistory: ['delegation_members'],
    details: (d) => [
      { label: 'ui.records.delegations.field.country', value: d.country },
      { label: 'ui.records.delegations.field.homeTimeZone', value: d.homeTimeZone },
      { label: 'ui.records.delegations.col.head', value: personName(d.headPersonId), href: d.headPersonId ? `/people/${d.headPersonId}` : undefined },
    ],
    showExtra: {
      partial: 'delegation-members',
      locals: (d, req) => {
        const locale = readerLocale(req);
        const collator = collatorFor(locale);
        const roleLabel = (role: (typeof MEMBER_ROLES)[number]) => render(message('label.member-role', { role }), locale);
        return {
          members: s.directory
            .members(d.id)
            .map((m) => ({ ...m, person: s.people.find(m.personId)!, roleLabel: roleLabel(m.role) }))
            .sort((a, b) => MEMBER_ROLES.indexOf(a.role) - MEMBER_ROLES.indexOf(b.role) || collator.compare(nameText(a.person, locale), nameText(b.person, locale))),
          roleOptions: MEMBER_ROLES.map((role) => ({ value: role, label: roleLabel(role) })),
          peopleOptions: peopleOptions(locale),
        };
      },
    },
  };

  return { forums, venues, rooms, organizations, people, delegations };
}
