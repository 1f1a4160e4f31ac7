import { MEMBER_ROLES, ORGANIZATION_KINDS, ROOM_KINDS } from '../../domain/types';
import type { Services } from '../../services';
import { viewHelpers } from '../view-helpers';
import { compareNames } from '../list-query';
import { displayName, positionsOf, searchWordsOf } from '../../domain/names';
import type { AreaSpec, Option } from './record-area';
import type { Delegation, Forum, Organization, Person, Room, Venue } from '../../domain/types';
import type { Locale } from '../../messages/catalogue';

const enumOptions = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: viewHelpers.humanize(v) }));
const byLabel = (a: Option, b: Option) => compareNames(a.label, b.label);

/** The page specs of the reference-data areas: what each list shows and each form asks. */
export function referenceAreas(s: Services) {
  const orgName = (id: number | null) => (id === null ? '' : (s.organizations.find(id)?.name ?? ''));
  const orgOf = (id: number | null) => (id === null ? undefined : s.organizations.find(id));
  const organizationShown = (o: Organization | undefined, locale: Locale) => {
    const shown = o ? displayName(o, locale) : null;
    return { value: shown?.text ?? '', lang: shown?.lang };
  };
  const personName = (id: number | null) => (id === null ? '' : (s.people.find(id)?.fullName ?? ''));
  const peopleOptions = () =>
    s.people
      .list()
      .map((p) => ({ value: p.id, label: `${p.fullName}${p.position ? ` — ${p.position}` : ''}` }))
      .sort(byLabel);

  const forums: AreaSpec<Forum> = {
    title: 'Forums',
    singular: 'forum',
    service: s.forums,
    scope: 'shared',
    segment: 'forums',
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'shortName', label: 'Short name', type: 'text', required: true, hint: 'Shown in the forum switcher, e.g. SPIEF 2019.' },
      { name: 'startDate', label: 'First day', type: 'date', required: true },
      { name: 'endDate', label: 'Last day', type: 'date', required: true },
      { name: 'timeZone', label: 'Time zone', type: 'text', required: true, hint: 'IANA zone of the forum’s city, e.g. Europe/Moscow.' },
      { name: 'city', label: 'City', type: 'text' },
    ],
    columns: [
      { key: 'name', label: 'Forum', value: (f) => f.name, secondary: (f) => f.shortName },
      { key: 'dates', label: 'Dates', value: (f) => viewHelpers.dateRange(f.startDate, f.endDate), sortValue: (f) => f.startDate },
      { key: 'city', label: 'City', value: (f) => f.city },
      { key: 'zone', label: 'Time zone', value: (f) => f.timeZone },
    ],
    search: (f) => [f.name, f.shortName, f.city],
    defaults: () => ({ timeZone: 'Europe/Moscow' }),
  };

  const venues: AreaSpec<Venue> = {
    title: 'Venues',
    singular: 'venue',
    service: s.venues,
    scope: 'forum',
    segment: 'venues',
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'address', label: 'Address', type: 'text' },
      { name: 'opensAt', label: 'Opens at', type: 'time', hint: 'In the forum’s time zone. Leave both empty if always open.' },
      { name: 'closesAt', label: 'Closes at', type: 'time' },
    ],
    columns: [
      { key: 'name', label: 'Venue', value: (v) => v.name },
      { key: 'address', label: 'Address', value: (v) => v.address },
      { key: 'hours', label: 'Opening hours', value: (v) => (v.opensAt ? `${v.opensAt}–${v.closesAt}` : 'Always open') },
      { key: 'rooms', label: 'Rooms', value: (v) => String(s.rooms.list({ venueId: v.id }).length), sortValue: (v) => s.rooms.list({ venueId: v.id }).length },
    ],
    search: (v) => [v.name, v.address],
    listFor: (forumId) => s.venues.list({ forumId }),
    forumIdOf: (v) => v.forumId,
    fixedValues: (forumId) => ({ forumId }),
    details: (v) => [
      { label: 'Address', value: v.address },
      { label: 'Opening hours', value: v.opensAt ? `${v.opensAt}–${v.closesAt}` : 'Always open' },
    ],
    showExtra: {
      partial: 'venue-rooms',
      locals: (v) => ({ rooms: s.rooms.list({ venueId: v.id }), forumId: v.forumId }),
    },
  };

  const rooms: AreaSpec<Room> = {
    title: 'Rooms',
    singular: 'room',
    service: s.rooms,
    scope: 'forum',
    segment: 'rooms',
    fields: [
      { name: 'venueId', label: 'Venue', type: 'select', required: true, options: (forumId) => s.venues.list({ forumId }).map((v) => ({ value: v.id, label: v.name })) },
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'capacity', label: 'Seats', type: 'number', required: true },
      { name: 'kind', label: 'Kind', type: 'select', required: true, options: () => enumOptions(ROOM_KINDS) },
    ],
    columns: [
      { key: 'name', label: 'Room', value: (r) => r.name },
      { key: 'venue', label: 'Venue', value: (r) => s.venues.find(r.venueId)?.name ?? '' },
      { key: 'capacity', label: 'Seats', value: (r) => String(r.capacity), sortValue: (r) => r.capacity },
      { key: 'kind', label: 'Kind', value: (r) => viewHelpers.humanize(r.kind) },
    ],
    search: (r) => [r.name, s.venues.find(r.venueId)?.name ?? ''],
    listFor: (forumId) => s.directory.roomsOfForum(forumId),
    forumIdOf: (r) => s.venues.find(r.venueId)?.forumId ?? null,
    defaults: () => ({ kind: 'meeting_room', capacity: '10' }),
    details: (r) => [
      { label: 'Venue', value: s.venues.find(r.venueId)?.name ?? '' },
      { label: 'Seats', value: String(r.capacity) },
      { label: 'Kind', value: viewHelpers.humanize(r.kind) },
    ],
  };

  const organizations: AreaSpec<Organization> = {
    title: 'Organizations',
    singular: 'organization',
    service: s.organizations,
    scope: 'shared',
    segment: 'organizations',
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'nameRu', label: 'ui.names.field.org-name-ru', type: 'text', lang: 'ru', hint: 'ui.names.hint.org-name-ru' },
      { name: 'nameAz', label: 'ui.names.field.org-name-az', type: 'text', lang: 'az', hint: 'ui.names.hint.org-name-az' },
      { name: 'country', label: 'Country', type: 'text' },
      { name: 'kind', label: 'Kind', type: 'select', required: true, options: () => enumOptions(ORGANIZATION_KINDS) },
    ],
    columns: [
      { key: 'name', label: 'Organization', value: (o) => o.name, name: (o) => o },
      { key: 'country', label: 'Country', value: (o) => o.country },
      { key: 'kind', label: 'Kind', value: (o) => viewHelpers.humanize(o.kind) },
    ],
    search: (o) => [o.name, o.nameRu, o.nameAz, o.country],
    titleName: (o) => o,
    defaults: () => ({ kind: 'company' }),
    details: (o) => [
      { label: 'ui.names.field.org-name-ru', value: o.nameRu, lang: 'ru' },
      { label: 'ui.names.field.org-name-az', value: o.nameAz, lang: 'az' },
      { label: 'Country', value: o.country },
      { label: 'Kind', value: viewHelpers.humanize(o.kind) },
    ],
    showExtra: { partial: 'organization-people', locals: (o) => ({ people: s.people.list({ organizationId: o.id }) }) },
  };

  const people: AreaSpec<Person> = {
    title: 'People',
    singular: 'person',
    service: s.people,
    scope: 'shared',
    segment: 'people',
    fields: [
      { name: 'fullName', label: 'Full name', type: 'text', required: true, hint: 'ui.names.hint.full-name' },
      { name: 'nameRu', label: 'ui.names.field.name-ru', type: 'text', lang: 'ru', hint: 'ui.names.hint.name-ru' },
      { name: 'nameAz', label: 'ui.names.field.name-az', type: 'text', lang: 'az', hint: 'ui.names.hint.name-az' },
      { name: 'patronymicRu', label: 'ui.names.field.patronymic-ru', type: 'text', lang: 'ru', hint: 'ui.names.hint.patronymic-ru' },
      { name: 'position', label: 'Position', type: 'text' },
      { name: 'positionRu', label: 'ui.names.field.position-ru', type: 'text', lang: 'ru', hint: 'ui.names.hint.position-ru' },
      { name: 'positionAz', label: 'ui.names.field.position-az', type: 'text', lang: 'az', hint: 'ui.names.hint.position-az' },
      {
        name: 'organizationId',
        label: 'Organization',
        type: 'select',
        optional: true,
        options: () => s.organizations.list().map((o) => ({ value: o.id, label: o.name })).sort(byLabel),
      },
      { name: 'email', label: 'Email', type: 'email' },
      { name: 'phone', label: 'Phone', type: 'tel' },
      { name: 'languages', label: 'Languages', type: 'text', hint: 'e.g. az, ru, en' },
      { name: 'notes', label: 'Notes', type: 'textarea' },
    ],
    columns: [
      { key: 'name', label: 'Name', value: (p) => p.fullName, name: (p) => p },
      { key: 'position', label: 'Position', value: (p) => p.position, name: (p) => positionsOf(p), alone: true },
      { key: 'organization', label: 'Organization', value: (p) => orgName(p.organizationId), name: (p) => orgOf(p.organizationId) ?? { en: '' }, alone: true },
    ],
    search: (p) => searchWordsOf(p, orgOf(p.organizationId)),
    titleName: (p) => p,
    details: (p, locale) => [
      { label: 'ui.names.field.name-ru', value: p.nameRu, lang: 'ru' },
      { label: 'ui.names.field.name-az', value: p.nameAz, lang: 'az' },
      { label: 'ui.names.field.patronymic-ru', value: p.patronymicRu, lang: 'ru' },
      { label: 'Position', value: p.position },
      { label: 'ui.names.field.position-ru', value: p.positionRu, lang: 'ru' },
      { label: 'ui.names.field.position-az', value: p.positionAz, lang: 'az' },
      { label: 'Organization', ...organizationShown(orgOf(p.organizationId), locale), href: p.organizationId ? `/organizations/${p.organizationId}` : undefined },
      { label: 'Email', value: p.email },
      { label: 'Phone', value: p.phone },
      { label: 'Languages', value: p.languages },
      { label: 'Notes', value: p.notes },
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
    title: 'Delegations',
    singular: 'delegation',
    service: s.delegations,
    scope: 'forum',
    segment: 'delegations',
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: true },
      { name: 'country', label: 'Country', type: 'text' },
      { name: 'homeTimeZone', label: 'Home time zone', type: 'text', required: true, hint: 'Shown beside the forum’s time, e.g. Asia/Baku.' },
      { name: 'headPersonId', label: 'Head of delegation', type: 'select', optional: true, options: peopleOptions },
    ],
    columns: [
      { key: 'name', label: 'Delegation', value: (d) => d.name },
      { key: 'country', label: 'Country', value: (d) => d.country },
      { key: 'head', label: 'Head', value: (d) => personName(d.headPersonId) },
      { key: 'members', label: 'Members', value: (d) => String(s.directory.members(d.id).length), sortValue: (d) => s.directory.members(d.id).length },
    ],
    search: (d) => [d.name, d.country, personName(d.headPersonId)],
    listFor: (forumId) => s.delegations.list({ forumId }),
    forumIdOf: (d) => d.forumId,
    fixedValues: (forumId) => ({ forumId }),
    relatedHistory: ['delegation_members'],
    details: (d) => [
      { label: 'Country', value: d.country },
      { label: 'Home time zone', value: d.homeTimeZone },
      { label: 'Head', value: personName(d.headPersonId), href: d.headPersonId ? `/people/${d.headPersonId}` : undefined },
    ],
    showExtra: {
      partial: 'delegation-members',
      locals: (d) => ({
        members: s.directory
          .members(d.id)
          .map((m) => ({ ...m, person: s.people.find(m.personId)! }))
          .sort((a, b) => MEMBER_ROLES.indexOf(a.role) - MEMBER_ROLES.indexOf(b.role) || compareNames(a.person.fullName, b.person.fullName)),
        roleOptions: enumOptions(MEMBER_ROLES),
        peopleOptions: peopleOptions(),
      }),
    },
  };

  return { forums, venues, rooms, organizations, people, delegations };
}
