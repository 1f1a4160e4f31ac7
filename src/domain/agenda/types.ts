/**
 * What the agenda builder receives and what it hands to the print view. Kept
 * apart from the builder so that the snapshot code and the view helpers can
 * share the shapes without importing each other.
 */
import type { Message } from '../../messages/message';
import type { Locale } from '../../messages/render';
import type { NameForms } from '../names';
import type { ZoneTime } from '../time';
import type { Id, Instant, LocalDate, MeetingKind, MeetingStatus, ParticipantRole, TravelTime } from '../types';

export type AgendaScopeKind = 'person' | 'delegation' | 'room' | 'b2b_participant';

export interface AgendaScope {
  kind: AgendaScopeKind;
  /** Person name, delegation name, room name or company name: the sheet's heading. */
  title: string;
  /** The heading by language, where the scope's record has names in several (a person, a company): a view shows the reader's. */
  names?: NameForms;
  /** The header's second line: a person's delegation, a door sheet's venue and address. */
  subtitle?: string;
  /** Private scopes (a delegate's own link, staff) see briefing, documents and the on-site contact; a door sheet does not. */
  isPrivate: boolean;
}

export interface AgendaForum {
  name: string;
  timeZone: string;
  startDate: LocalDate;
  endDate: LocalDate;
}

/**
 * A name, a position or an organization by language (domain/names.ts), where
 * the record has them: a view shows the one in the reader's script first
 * (Дрозденко А. Ю. for a Russian reader) at render time, so the sources, their
 * snapshot and the version stamp stay the same in every language.
 */
export interface AgendaPersonNames {
  names?: NameForms;
  positions?: NameForms;
}

/** `name`, `position`, `organization`: the English line ('Aleksandr Drozdenko (Александр Дрозденко)'), for a source without the forms. */
export interface AgendaCounterpart extends AgendaPersonNames {
  name: string;
  position: string;
  organization: string;
  organizationNames?: NameForms;
}

export interface AgendaOurParticipant extends AgendaPersonNames {
  name: string;
  role: ParticipantRole;
}

export interface AgendaDocument {
  title: string;
  parties: string;
  signedOn: LocalDate | null;
}

/** One meeting of the scope as the service loaded it, already joined with names. */
export interface AgendaSource {
  meetingId: Id;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startUtc: Instant;
  endUtc: Instant;
  /** The meeting's own zone; shown as a third clock only when it differs from both the forum's and home's. */
  timeZone: string;
  venueId: Id | null;
  /** Display string: room, venue, address or the free-text place. */
  place: string;
  venueName: string;
  address: string;
  counterparts: AgendaCounterpart[];
  /** The delegation's own people in the meeting. */
  ourParticipants: AgendaOurParticipant[];
  interpreters: string[];
  /** The interpreters' names by language, in the order of `interpreters`, where the records have them. */
  interpreterNames?: NameForms[];
  briefing: string;
  documents: AgendaDocument[];
  contactOnSite: string;
  /** The protocol contact's name and position, and their phone apart, so a phone can call it (tel:). */
  contactName?: string;
  /** The protocol contact's name and position by language, for the reader's script. */
  contactPerson?: AgendaPersonNames;
  contactPhone?: string;
  /** The venue's coordinates when it has them, for a map app's link. */
  latitude?: number | null;
  longitude?: number | null;
  updatedAt: Instant;
  sequence: number;
}

export interface AgendaConflict {
  meetingIds: Id[];
  message: Message;
  severity: 'error' | 'warning';
}

export interface SnapshotEntry {
  meetingId: Id;
  startUtc: Instant;
  endUtc: Instant;
  title: string;
  place: string;
  status: MeetingStatus;
  sequence: number;
}

/** What the scope's programme looked like when it was last printed; the next print marks what differs. */
export interface PrintSnapshot {
  printedAt: Instant;
  entries: SnapshotEntry[];
}

export type ChangeMark = 'new' | 'moved' | 'changed' | 'cancelled' | null;

export interface AgendaInput {
  scope: AgendaScope;
  forum: AgendaForum;
  /** The delegation's home zone, or null when the scope has none (a room, a foreign company). */
  homeTimeZone: string | null;
  /** One date for a day sheet; every forum day (see forumDays) for a booklet. */
  days: LocalDate[];
  /** Every meeting of the scope, not only those of `days`: a meeting moved to another day is then reported as such. */
  entries: AgendaSource[];
  conflicts: AgendaConflict[];
  /** Travel minutes between venues; a transfer without a matching row is printed without a duration. */
  travelTimes?: TravelTime[];
  snapshot: PrintSnapshot | null;
  now: Instant;
  /** The reader's language: the sheet's labels, dates and the order of same-time titles. */
  locale: Locale;
}

export interface AgendaTransfer {
  /** Travel time from the matrix, absent when the matrix does not know this pair or a place is free text. */
  minutes?: number;
  fromPlace: string;
  /** Minutes between the end of the previous meeting and the start of this one (negative when they overlap). */
  gapMinutes: number;
  /** The gap is shorter than the known travel time: the driver needs to know. */
  isTight: boolean;
}

export interface AgendaPrivateNotes {
  briefing: string;
  documents: AgendaDocument[];
  contactOnSite: string;
  contactName: string;
  contactPhone: string;
  contactPerson?: AgendaPersonNames;
}

export interface AgendaEntry {
  meetingId: Id;
  startUtc: Instant;
  endUtc: Instant;
  /** Forum zone, '10:00–11:00'; an end after midnight reads '23:30–00:30 (+1)'. */
  timeRange: string;
  /** { zone: 'Asia/Baku', time: '11:00–12:00' } (a view names the city), or null when there is no home zone or its clock equals the forum's. */
  homeTimeRange: ZoneTime | null;
  /** { zone: 'Europe/Helsinki', time: '10:00–11:00' } for a meeting held in a zone other than the forum's and home's, else null. */
  meetingZoneTimeRange: ZoneTime | null;
  title: string;
  kind: MeetingKind;
  kindLabel: string;
  status: Exclude<MeetingStatus, 'proposed'>;
  statusLabel: string;
  isTentative: boolean;
  isCancelled: boolean;
  place: string;
  venueName: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  transferFromPrevious: AgendaTransfer | null;
  counterparts: AgendaCounterpart[];
  ours: (AgendaOurParticipant & { roleLabel: string })[];
  interpreters: string[];
  interpreterNames?: NameForms[];
  /** Null on a non-private scope: a door sheet must not carry briefing notes. */
  privateNotes: AgendaPrivateNotes | null;
  change: ChangeMark;
  hasConflict: boolean;
  /** The worst of its conflicts: 'error' (a clash, printed CONFLICT) or 'warning' (printed WARNING, as the conflicts page says); null without any. */
  conflictSeverity: 'error' | 'warning' | null;
  sequence: number;
  updatedAt: Instant;
}

/** A meeting the last printout showed on this day that this one no longer does, so old paper is not trusted. */
export interface AgendaRemoval {
  meetingId: Id;
  title: string;
  /** Where it stood on the old printout, forum zone. */
  wasTimeRange: string;
  reason: 'moved_to_another_day' | 'cancelled' | 'no_longer_in_programme';
  /** 'Saturday, 8 June 2019 10:00–11:00' when moved to another day, else null. */
  nowAt: string | null;
}

export interface AgendaDay {
  date: LocalDate;
  weekdayLong: string;
  entries: AgendaEntry[];
  conflicts: AgendaConflict[];
  removedSincePrint: AgendaRemoval[];
}

export interface Agenda {
  scope: AgendaScope;
  forumName: string;
  forumZoneCity: string;
  homeZoneCity: string | null;
  days: AgendaDay[];
  generatedAt: Instant;
  generatedAtText: string;
  /** When the compared snapshot was printed, or null on a first print. */
  comparedWithPrintAt: Instant | null;
  comparedWithPrintText: string | null;
  /** Some entry carries a briefing or documents to sign: the sheet says not to leave it lying around. */
  hasPrivateNotes: boolean;
  /** Footer stamp: two sheets with the same stamp show the same meeting versions. */
  versionStamp: string;
}
