import { buildFeed, computeEtag, type FeedEntry, type FeedPlace, type FeedScope, eventFingerprint, travelBefore } from '../../domain/calendar';
import type { MeetingView, ProgrammeViews } from '../meetings';
import type { Forum, Meeting } from '../../domain/types';
import type { Locale } from '../../messages/render';
import type { Store } from '../../store';
import type { ServedRevision } from '../../store/repositories/feed-state';

const DAY_MS = 86_400_000;

export interface FeedDocumentResult {
  /** The iCalendar text as UTF-8, encoded once when built rather than on every poll. */
  body: Buffer;
  etag: string;
  lastModified: number;
}

export interface BuiltFeed {
  doc: FeedDocumentResult;
  /** When the first cancelled meeting in it is due to drop out, or Infinity. */
  validUntil: number;
}

/** One feed as its reader sees it. */
export interface FeedSpec {
  /** Names the feed in feed_state: its kind, id and base URL, never a link's secret. */
  key: string;
  name: string;
  description: string;
  scope: FeedScope;
  /** Whether the reader may see this meeting's briefing and documents. */
  notesFor: (m: Meeting) => boolean;
  /** The page this reader can open for a meeting, or '' for none. */
  urlFor: (m: Meeting) => string;
  /** The reader's language: the events' labels and descriptions. */
  locale: Locale;
  /** A reminder this many minutes before each meeting that is not cancelled (the link's), or null for none. */
  reminderMinutes: number | null;
  /** Whether the reader is one of the people the feed follows, who travel between venues (a link's feed, not the public programme). */
  travels: boolean;
}

/** The venue on the map, when it has coordinates (spread into a draft: absent, not null, when it has none). */
function placeOf(v: MeetingView): { place?: FeedPlace } {
  const venue = v.venue;
  if (!venue || venue.latitude === null || venue.longitude === null) return {};
  return { place: { title: venue.name, address: venue.address, latitude: venue.latitude, longitude: venue.longitude } };
}

/** Whole seconds: what LAST-MODIFIED and Last-Modified can say. */
const second = (at: number) => Math.floor(at / 1000) * 1000;

/**
 * Turns meetings into a feed's bytes and dates its revisions. An event's
 * LAST-MODIFIED is the first time its current text was served (kept in
 * feed_state across restarts), so it rises on any change of what the event
 * shows, and on nothing else; the feed's Last-Modified is likewise the first
 * time its current body (ETag) was served.
 */
export class FeedBuilder {
  constructor(
    private readonly store: Store,
    private readonly views: ProgrammeViews,
    private readonly options: { refreshMinutes: number; cancelledDays: number },
    private readonly clock: () => number,
  ) {}

  build(forum: Forum, meetings: Meeting[], spec: FeedSpec): BuiltFeed {
    const keptFor = this.options.cancelledDays * DAY_MS;
    const dropsAt = (m: Meeting) => (m.status === 'cancelled' ? (m.cancelledAt ?? m.updatedAt) + keptFor : Infinity);
    const now = this.clock();
    const shown = meetings.filter((m) => dropsAt(m) > now);
    const sides = this.sidesOf(forum);
    const uids = this.store.feedUids.ofMeetings(shown.map((m) => m.id));
    const views = this.views.describe(forum, shown);
    const travel = spec.travels ? this.travelOf(forum, views) : new Map<number, number>();
    const drafts = views.map((v) => {
      const draft = this.draft(v, uids, sides, spec.urlFor(v.meeting), spec.notesFor(v.meeting));
      // Left out rather than null when they do not apply: an event without them fingerprints as before they existed.
      const travelMinutes = travel.get(v.meeting.id);
      if (travelMinutes !== undefined) draft.travelMinutes = travelMinutes;
      if (spec.reminderMinutes !== null && draft.status !== 'cancelled') draft.reminderMinutes = spec.reminderMinutes;
      return draft;
    });
    const served = this.store.feedState.load(spec.key);
    // A new revision is dated now, and always a whole second after the one before, since clients compare seconds.
    const next = (before: ServedRevision | undefined, atLeast = 0) => Math.max(now, atLeast, before ? second(before.since) + 1000 : 0);
    const events = new Map<string, ServedRevision>();
    let changed = served.events.size !== drafts.length;
    const entries = drafts.map((draft) => {
      const fingerprint = eventFingerprint(draft, spec.scope, spec.locale);
      const before = served.events.get(draft.uid);
      const revision = before?.fingerprint === fingerprint ? before : { fingerprint, since: next(before) };
      if (revision !== before) changed = true;
      events.set(draft.uid, revision);
      return { ...draft, lastModified: revision.since };
    });
    const body = buildFeed({ calendarName: spec.name, calendarDescription: spec.description, scope: spec.scope, forumTimeZone: forum.timeZone, refreshMinutes: this.options.refreshMinutes, entries, locale: spec.locale });
    const etag = computeEtag(body);
    const newest = Math.max(0, ...entries.map((e) => e.lastModified));
    const feed = served.feed?.fingerprint === etag ? served.feed : { fingerprint: etag, since: next(served.feed, newest) };
    if (changed || feed !== served.feed) this.store.feedState.save(spec.key, feed, events);
    return { doc: { body: Buffer.from(body, 'utf8'), etag, lastModified: feed.since }, validUntil: Math.min(...shown.map(dropsAt)) };
  }

  /**
   * One meeting as a single event, dated like a feed's event: the first time
   * its current text was handed out under `key`.
   */
  single(v: MeetingView, key: string, url: string, locale: Locale): FeedEntry {
    const draft = this.draft(v, this.store.feedUids.ofMeetings([v.meeting.id]), this.sidesOf({ id: v.meeting.forumId }), url, false);
    const fingerprint = eventFingerprint(draft, 'public', locale);
    const served = this.store.feedState.load(key);
    const before = served.events.get(draft.uid);
    if (before?.fingerprint === fingerprint) return { ...draft, lastModified: before.since };
    const since = Math.max(this.clock(), before ? second(before.since) + 1000 : 0);
    this.store.feedState.save(key, { fingerprint, since }, new Map([[draft.uid, { fingerprint, since }]]));
    return { ...draft, lastModified: since };
  }

  /** Minutes of travel before each meeting from its people's previous one at another venue that day (the forum's travel matrix). */
  private travelOf(forum: Forum, views: MeetingView[]): Map<number, number> {
    const venueIds = [...new Set(views.flatMap((v) => (v.venue ? [v.venue.id] : [])))];
    if (venueIds.length < 2) return new Map();
    const stops = views.map(({ meeting: m, venue }) => ({ id: m.id, startUtc: m.startUtc, endUtc: m.endUtc, venueId: venue?.id ?? null, personIds: m.participants.map((p) => p.personId), cancelled: m.status === 'cancelled', transfer: m.kind === 'travel' }));
    return travelBefore(stops, this.store.venues.travelTimesBetween(forum.id, venueIds), forum.timeZone);
  }

  /** Each delegation's members, to tell which delegations of a meeting are our side. */
  private sidesOf(forum: Pick<Forum, 'id'>): Map<number, Set<number>> {
    const members = new Map<number, Set<number>>();
    for (const m of this.store.delegations.membersOfForum(forum.id)) members.set(m.delegationId, (members.get(m.delegationId) ?? new Set()).add(m.personId));
    return members;
  }

  /**
   * `notes`: whether this reader may see the meeting's briefing and documents
   * to sign, which is whether the reader is on our side of it. Our side is the
   * meeting's delegations except those taking part only as counterparts
   * (Leningrad Region at the meeting with its governor).
   */
  private draft(v: MeetingView, uids: Map<number, string>, sides: Map<number, Set<number>>, url: string, notes: boolean): Omit<FeedEntry, 'lastModified'> {
    const m = v.meeting;
    const ours = v.delegations.filter((d) => {
      const roles = m.participants.filter((p) => sides.get(d.id)?.has(p.personId)).map((p) => p.role);
      return !(roles.length > 0 && roles.every((r) => r === 'counterpart'));
    });
    return {
      uid: uids.get(m.id) ?? '', // every row has one (migration 0011's trigger); an empty one is refused by name
      sequence: m.sequence,
      status: m.status === 'proposed' ? 'tentative' : m.status,
      startUtc: m.startUtc,
      endUtc: m.endUtc,
      timeZone: m.timeZone,
      title: m.title,
      kind: m.kind,
      location: [v.placeText, v.address].filter(Boolean).join(', '),
      counterparts: v.participants.filter((p) => p.role === 'counterpart').map((p) => ({ name: p.person.fullName, position: p.person.position, organization: p.organization?.name ?? '' })),
      ourParticipants: v.participants.filter((p) => p.role !== 'counterpart').map((p) => ({ name: p.person.fullName, role: p.role })),
      ourSide: { name: ours.map((d) => d.name).join(', '), readerIsOnIt: notes },
      briefing: notes ? m.briefing : '',
      documents: notes ? m.documents.filter((d) => d.status !== 'withdrawn').map((d) => ({ title: d.title, parties: d.parties, signed: d.signedOn !== null })) : [],
      url,
      createdAt: m.createdAt,
      ...placeOf(v),
    };
  }
}
