import { buildAgenda, forumDays, type Agenda, type AgendaPersonNames, type AgendaSource, takeSnapshot } from '../domain/agenda';
import { NotFoundError, ValidationError } from '../domain/errors';
import { dayBounds } from '../domain/time';
import type { LocalDate, Meeting, Person } from '../domain/types';
import { displayName as nameInLanguage, namesOf, positionsOf } from '../domain/names';
import { inWriteTransaction } from '../store/database';
import type { Store } from '../store';
import type { ScopeRef } from '../domain/feed-scope';
import type { Actor } from './actor';
import { type FeedService, scopeEntryOf, SCOPES, type Span } from './feeds';
import type { MeetingService, MeetingView, ProgrammeViews } from './meetings';
import { message } from '../messages';
import type { Locale } from '../messages/render';
import { storedMessage } from '../messages/stored';

export { AGENDA_SCOPES } from './feeds';

export interface AgendaRequest extends ScopeRef {
  /** One day, or null for the booklet of every forum day. */
  day: LocalDate | null;
  /** Staff see briefings on person and delegation agendas; a door sheet and a link's non-private scope never. */
  viewer: 'staff' | 'link';
  /** The reader's language: the sheet's labels and dates. */
  locale: Locale;
}

/**
 * Printed agendas: loads the scope's meetings with names, the conflicts, the
 * travel matrix and the last print's snapshot, and lets the pure builder
 * decide what goes on paper.
 */
export class AgendaService {
  constructor(
    private readonly store: Store,
    private readonly feeds: FeedService,
    private readonly meetings: MeetingService,
    private readonly views: ProgrammeViews,
    private readonly clock: () => number = Date.now,
  ) {}

  build(req: AgendaRequest): Agenda & { printedBy: string | null } {
    const forumOfDay = this.store.forums.find(req.forumId);
    if (forumOfDay && req.day !== null && (req.day < forumOfDay.startDate || req.day > forumOfDay.endDate || !/^\d{4}-\d{2}-\d{2}$/.test(req.day))) {
      throw new NotFoundError(message('agenda.not-a-day', { day: req.day, forum: forumOfDay.shortName, first: forumOfDay.startDate, last: forumOfDay.endDate }));
    }
    // A page lists a conflict only if it shows one of its meetings, and it shows only meetings that touch its day,
    // so a day's sheet reads the scope's meetings within a day of it (not the forum's three days) and computes
    // their conflicts around them alone: a delegation's day costs what that day's meetings cost.
    const { info, forum, agenda: printed, meetings: shown, describe } = this.load(req, req.day === null || !forumOfDay ? undefined : nearDay(req.day, forumOfDay.timeZone));
    const conflicts = this.meetings.conflictsAmong(forum.id, shown);
    const snapshot = this.store.printSnapshots.latest(req);
    // Described (names, rooms, people) are the meetings the page can show and those the last print showed,
    // which its "removed since the print" lines look up (a printed meeting since moved to another day among them).
    const near = new Set(shown.map((m) => m.id));
    const printedElsewhere = req.day === null ? [] : (snapshot?.entries.map((e) => e.meetingId).filter((id) => !near.has(id)) ?? []);
    const sources = describe(printedElsewhere.length ? [...shown, ...this.feeds.shownOf(req, this.store.meetings.list({ forumId: forum.id, ids: printedElsewhere }))] : shown);
    const agenda = buildAgenda({
      scope: {
        kind: printed.kind,
        title: info.name,
        ...(info.names ? { names: info.names } : {}),
        subtitle: SCOPES[req.scope].subtitle(this.store, req.scopeId, req.forumId),
        // Staff are the delegation's own protocol office; a link's sheet is private only when its scope is.
        isPrivate: printed.mayBePrivate && (req.viewer === 'staff' || info.isPrivate),
      },
      forum: { name: forum.name, timeZone: forum.timeZone, startDate: forum.startDate, endDate: forum.endDate },
      homeTimeZone: info.homeTimeZone,
      days: req.day === null ? forumDays(forum) : [req.day],
      entries: sources,
      conflicts,
      travelTimes: this.store.venues.travelTimes(forum.id),
      snapshot,
      now: this.clock(),
      locale: req.locale,
    });
    return { ...agenda, printedBy: snapshot?.printedBy ?? null };
  }

  /** Records what the scope's programme looks like now; the next printout marks what differs. */
  markPrinted(actor: Actor, ref: ScopeRef): void {
    inWriteTransaction(this.store.db, () => {
      const { meetings, describe } = this.load({ ...ref, day: null, viewer: 'staff' });
      const sources = describe(meetings);
      const snapshot = takeSnapshot(sources, this.clock());
      const id = this.store.printSnapshots.insert(ref, snapshot, actor.username);
      this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action: 'create', entity: 'print_snapshot', entityId: id, forumId: ref.forumId, summary: storedMessage(message('audit.summary.agenda-printed', { scope: ref.scope, scopeId: ref.scopeId })), before: null, after: { ...ref, printedAt: snapshot.printedAt, entries: snapshot.entries.length } });
    });
  }

  private load(req: Omit<AgendaRequest, 'day' | 'locale'> & { day: LocalDate | null }, within?: Span) {
    const forum = this.store.forums.find(req.forumId);
    if (!forum) throw new NotFoundError(message('forum.not-found', {}));
    const agenda = scopeEntryOf(req.scope)?.agenda;
    if (!agenda) throw new ValidationError({ scope: message('agenda.scope-kind', {}) });
    // A delegation or room of another forum would otherwise print as an empty sheet under this forum's name.
    if (!this.feeds.scopeExists(req.scope, req.scopeId, req.forumId)) throw new NotFoundError(message('agenda.scope-missing', { scope: req.scope, id: req.scopeId, forum: forum.shortName }));
    const info = this.feeds.scopeInfo(req);
    // Staff are the delegation's own protocol office; a link sees only the notes of its own side's meetings,
    // so a counterpart's link (Governor Drozdenko's) never carries our briefing or the texts we sign.
    const notesVisible = req.viewer === 'staff' ? () => true : this.feeds.notesVisibleTo(info);
    const meetings = this.feeds.meetingsOf(req, within);
    const contact = this.contactOnSite(req);
    const describe = (shown: Meeting[]) => this.views.describe(forum, shown).map((v) => toSource(v, contact, notesVisible(v.meeting)));
    return { info, forum, agenda, meetings, describe };
  }

  /** The delegation's protocol officer, whom drivers and hosts call when something moves. */
  private contactOnSite(ref: ScopeRef): Contact {
    for (const id of SCOPES[ref.scope].delegationIds(this.store, ref.scopeId, ref.forumId)) {
      const officer = this.store.delegations.members(id).find((m) => m.role === 'protocol_officer');
      const person = officer ? this.store.people.find(officer.personId) : undefined;
      if (person) {
        const name = [person.fullName, person.position].filter(Boolean).join(', ');
        return { text: [name, person.phone].filter(Boolean).join(', '), name, phone: person.phone, person: personNames(person) };
      }
    }
    return { text: '', name: '', phone: '', person: null };
  }
}

/** Meetings that overlap `day` widened by a day on each side (in the forum's zone). */
/** The day and a day either side: every meeting that can touch the day's sheet. */
function nearDay(day: LocalDate, timeZone: string): Span {
  const { startUtc, endUtc } = dayBounds(day, timeZone);
  return { fromUtc: startUtc - DAY_MS, toUtc: endUtc + DAY_MS };
}

const DAY_MS = 24 * 3600_000;

/** The on-site contact as the sheet prints it (one line) and as a phone calls it. */
interface Contact {
  text: string;
  name: string;
  phone: string;
  /** The contact's name and position by language, for the reader's script; null without a contact. */
  person: AgendaPersonNames | null;
}

/** A venue's coordinates, where the venue has them (read structurally: older rows and venues without a pin have none). */
function coordinatesOf(venue: object | null): { latitude: number | null; longitude: number | null } {
  const v = (venue ?? {}) as { latitude?: unknown; longitude?: unknown };
  const read = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return { latitude: read(v.latitude), longitude: read(v.longitude) };
}

/** `notesVisible`: whether this sheet may carry the meeting's briefing and documents to sign. */
function toSource(v: MeetingView, contact: Contact, notesVisible: boolean): AgendaSource {
  const m = v.meeting;
  return {
    meetingId: m.id,
    title: m.title,
    kind: m.kind,
    status: m.status,
    startUtc: m.startUtc,
    endUtc: m.endUtc,
    timeZone: m.timeZone,
    venueId: v.venue?.id ?? null,
    place: v.placeText,
    venueName: v.venue?.name ?? '',
    address: v.address,
    counterparts: v.participants
      .filter((p) => p.role === 'counterpart')
      .map((p) => ({ name: displayName(p.person), position: p.person.position, organization: p.organization?.name ?? '', ...personNames(p.person), ...(p.organization ? { organizationNames: namesOf(p.organization) } : {}) })),
    ourParticipants: v.participants.filter((p) => p.role !== 'counterpart' && p.role !== 'interpreter').map((p) => ({ name: p.person.fullName, role: p.role, ...personNames(p.person) })),
    interpreters: v.participants.filter((p) => p.role === 'interpreter').map((p) => p.person.fullName),
    interpreterNames: v.participants.filter((p) => p.role === 'interpreter').map((p) => namesOf(p.person)),
    briefing: notesVisible ? m.briefing : '',
    // A withdrawn agreement is no longer to be signed there: the sheet leaves it out.
    documents: notesVisible ? m.documents.filter((d) => d.status !== 'withdrawn').map(({ title, parties, signedOn }) => ({ title, parties, signedOn })) : [],
    contactOnSite: contact.text,
    contactName: contact.name,
    contactPhone: contact.phone,
    ...(contact.person ? { contactPerson: contact.person } : {}),
    ...coordinatesOf(v.venue),
    updatedAt: m.updatedAt,
    sequence: m.sequence,
  };
}

/** A person's name and position in each language they have, for the sheet to show in the reader's script. */
function personNames(p: Person): AgendaPersonNames {
  return { names: namesOf(p), positions: positionsOf(p) };
}

/** 'Aleksandr Drozdenko (Александр Дрозденко)': the protocol office prints both scripts for counterparts. */
function displayName(p: Person): string {
  const name = nameInLanguage(p, 'en');
  return name.secondary ? `${name.text} (${name.secondary.text})` : name.text;
}
