import type { Forum } from '../../domain/types';
import type { Services } from '../../services';
import { PRIORITIES, blocksAsText } from '../../services/b2b';
import type { B2BParticipantRecord, B2BSession } from '../../domain/b2b';
import { compareNames } from '../list-query';
import { translate, type Locale, type MessageParams } from '../../messages/catalogue';

/**
 * The B2B forms as the pages show them: strings in, strings out, so a form
 * that comes back with errors holds exactly what was typed. The services
 * parse these same shapes (and the API's JSON).
 */
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined || v === null || v === '' ? [] : [String(v)]);

export type FieldSpec = { name: string; label: string; type: string; required?: boolean; hint?: string; rows?: number; optional?: boolean; choices?: { value: string | number; label: string }[] };

export const SESSION_FIELDS = ['title', 'roomId', 'start', 'end', 'slotMinutes', 'changeoverMinutes', 'breaks', 'tableCount', 'sideALabel', 'sideBLabel', 'description'] as const;
export type SessionFormValues = Record<(typeof SESSION_FIELDS)[number], string>;

export function readSessionForm(body: Record<string, unknown>): SessionFormValues {
  return Object.fromEntries(SESSION_FIELDS.map((k) => [k, str(body[k])])) as SessionFormValues;
}

export function sessionFormValues(s: B2BSession): SessionFormValues {
  return {
    title: s.title,
    roomId: String(s.roomId),
    start: s.start,
    end: s.end,
    slotMinutes: String(s.slotMinutes),
    changeoverMinutes: String(s.changeoverMinutes),
    breaks: blocksAsText(s.breaks),
    tableCount: String(s.tableCount),
    sideALabel: s.sideALabel ?? '',
    sideBLabel: s.sideBLabel ?? '',
    description: s.description,
  };
}

export function blankSessionForm(forum: Forum): SessionFormValues {
  return { title: '', roomId: '', start: `${forum.startDate}T11:00`, end: `${forum.startDate}T13:30`, slotMinutes: '20', changeoverMinutes: '5', breaks: '', tableCount: '10', sideALabel: '', sideBLabel: '', description: '' };
}

/** The session form's fields, in order, with the forum's rooms as the hall's choices, in the reader's language. */
export function sessionFields(services: Services, forum: Forum, locale: Locale): FieldSpec[] {
  const say = (key: string, params?: MessageParams) => translate(locale, `ui.b2b.session-form.${key}`, params);
  const venues = new Map(services.venues.list({ forumId: forum.id }).map((v) => [v.id, v.name]));
  const rooms = services.directory.roomsOfForum(forum.id).map((r) => ({ value: r.id, label: say('room-choice', { room: r.name, venue: venues.get(r.venueId) ?? '', seats: r.capacity }) }));
  return [
    { name: 'title', label: say('title'), type: 'text', required: true, hint: say('title-hint') },
    { name: 'roomId', label: say('hall'), type: 'select', required: true, choices: rooms, hint: say('hall-hint') },
    { name: 'start', label: say('start'), type: 'datetime-local', required: true, hint: say('start-hint', { zone: forum.timeZone }) },
    { name: 'end', label: say('end'), type: 'datetime-local', required: true, hint: say('end-hint') },
    { name: 'slotMinutes', label: say('slot-minutes'), type: 'number', required: true },
    { name: 'changeoverMinutes', label: say('changeover'), type: 'number', required: true, hint: say('changeover-hint') },
    { name: 'breaks', label: say('breaks'), type: 'textarea', rows: 3, hint: say('breaks-hint') },
    { name: 'tableCount', label: say('table-count'), type: 'number', required: true },
    { name: 'sideALabel', label: say('side-a'), type: 'text', hint: say('side-a-hint') },
    { name: 'sideBLabel', label: say('side-b'), type: 'text', hint: say('side-b-hint') },
    { name: 'description', label: say('description'), type: 'textarea', rows: 3 },
  ];
}

export interface ParticipantFormValues {
  organizationId: string;
  representativeIds: string[];
  side: string;
  sector: string;
  offers: string;
  seeks: string;
  notes: string;
  unavailable: string;
  seats: string;
}

export function readParticipantForm(body: Record<string, unknown>): ParticipantFormValues {
  return {
    organizationId: str(body.organizationId),
    representativeIds: list(body.representativeIds).filter((x) => x.trim() !== ''),
    side: str(body.side),
    sector: str(body.sector),
    offers: str(body.offers),
    seeks: str(body.seeks),
    notes: str(body.notes),
    unavailable: str(body.unavailable),
    seats: str(body.seats),
  };
}

export function participantFormValues(p: B2BParticipantRecord | null): ParticipantFormValues {
  if (!p) return { organizationId: '', representativeIds: [], side: '', sector: '', offers: '', seeks: '', notes: '', unavailable: '', seats: '1' };
  return { organizationId: String(p.organizationId), representativeIds: p.representativeIds.map(String), side: p.side ?? '', sector: p.sector, offers: p.offers, seeks: p.seeks, notes: p.notes, unavailable: blocksAsText(p.unavailable), seats: String(p.seats) };
}

/** Organizations and people to choose from, by name in any script; people with their organization so namesakes differ. */
export function contactChoices(services: Services) {
  const organizations = services.organizations.list().sort((a, b) => compareNames(a.name, b.name));
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  return {
    organizations: organizations.map((o) => ({ value: o.id, label: o.country ? `${o.name} (${o.country})` : o.name })),
    people: services.people
      .list()
      .sort((a, b) => compareNames(a.fullName, b.fullName))
      .map((p) => ({ value: p.id, label: [p.fullName, p.organizationId ? orgName.get(p.organizationId) : p.position].filter(Boolean).join(' — ') })),
  };
}

export interface RequestFormValues {
  fromId: string;
  toId: string;
  priority: string;
  message: string;
}

export function readRequestForm(body: Record<string, unknown>, defaults: Partial<RequestFormValues> = {}): RequestFormValues {
  return { fromId: str(body.fromId) || (defaults.fromId ?? ''), toId: str(body.toId) || (defaults.toId ?? ''), priority: str(body.priority) || '2', message: str(body.message) };
}

/** The priorities a request form offers, highest first, named in the reader's language. */
export function priorityChoices(locale: Locale): { value: string; label: string }[] {
  return PRIORITIES.map((p) => ({ value: String(p.value), label: translate(locale, `ui.b2b.priority.${p.value}`) }));
}

/** A request or link action's way back: only somewhere under the same session (never an open redirect). */
export function backTo(raw: unknown, sessionBase: string, fallback: string): string {
  const back = str(raw);
  const inSession = back === sessionBase || ['/', '#', '?'].some((c) => back.startsWith(sessionBase + c));
  return inSession && /^[\w/#?=&-]+$/.test(back) ? back : fallback;
}
