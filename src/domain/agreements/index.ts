/**
 * The agreements register (issue 17): the documents a delegation signs at a
 * forum, each with its kind, titles by language, parties, signatories (with
 * the position each held when signing), status and the meeting where it is
 * signed. Pure: the rules of its status and how a title is shown.
 */
import type { Locale } from '../../messages/catalogue';
import type { Id, Instant, LocalDate } from '../types';

export const AGREEMENT_KINDS = ['agreement', 'memorandum', 'protocol', 'contract'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_STATUSES = ['draft', 'agreed', 'signed', 'withdrawn'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** A person who signs (or signed) it, with their position at signing: copied from the person when signed, and kept. */
export interface AgreementSignatory {
  personId: Id;
  position: string;
}

export interface Agreement {
  id: Id;
  forumId: Id;
  /** The meeting where it is, or will be, signed; null when none. */
  meetingId: Id | null;
  kind: AgreementKind;
  /** The title in English (Latin script): always there. */
  title: string;
  titleRu: string;
  titleAz: string;
  /** Parties as written (free text), for those not in the organizations directory. */
  parties: string;
  /** Parties from the organizations directory. */
  partyIds: Id[];
  signatories: AgreementSignatory[];
  status: AgreementStatus;
  /** The local date of signing; set whenever signed. */
  signedOn: LocalDate | null;
  signedPlace: string;
  note: string;
  version: number;
  createdAt: Instant;
  updatedAt: Instant;
}

/**
 * Where a status may go: draft → agreed → signed, any → withdrawn, and a
 * withdrawn one back to draft. Staying where it is is always allowed (an
 * edit of its other fields).
 */
const NEXT: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: ['agreed', 'withdrawn'],
  agreed: ['signed', 'withdrawn'],
  signed: ['withdrawn'],
  withdrawn: ['draft'],
};

export function canMoveStatus(from: AgreementStatus, to: AgreementStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** The statuses an agreement in `from` may be given, itself first. */
export function statusesFrom(from: AgreementStatus): AgreementStatus[] {
  return [from, ...NEXT[from]];
}

export function isAgreementStatus(value: unknown): value is AgreementStatus {
  return typeof value === 'string' && (AGREEMENT_STATUSES as readonly string[]).includes(value);
}

export function isAgreementKind(value: unknown): value is AgreementKind {
  return typeof value === 'string' && (AGREEMENT_KINDS as readonly string[]).includes(value);
}

/** The title a reader of `locale` sees: their language's, or the English one. */
export function titleIn(a: Pick<Agreement, 'title' | 'titleRu' | 'titleAz'>, locale: Locale): string {
  const own = locale === 'ru' ? a.titleRu : locale === 'az' ? a.titleAz : '';
  return own.trim() ? own : a.title;
}

/** The kind a document's title suggests (as migration 0023 guessed it for the documents of before). */
export function kindFromTitle(title: string): AgreementKind {
  return /memorandum|меморандум/i.test(title) ? 'memorandum' : 'agreement';
}
