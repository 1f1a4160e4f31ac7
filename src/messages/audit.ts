/**
 * The keys of the audit log's summaries. A summary is kept as its key and
 * parameters (see stored.ts), so the log reads in the reader's language; rows
 * written before this hold an English sentence and read back as that sentence.
 */
import type { MeetingStatus } from '../domain/types';

export interface AuditMessages {
  /** 'SOCAR signing (tentative)'. */
  'audit.summary.meeting': { title: string; status: MeetingStatus };
  /** 'person 7: 2019-06-07T09:00–2019-06-07T12:00 flight to Baku'. */
  'audit.summary.availability': { subject: string; subjectId: number; start: string; end: string; reason: string };
  'audit.summary.feed-token': { scope: string; scopeId: number; label: string; revoked: boolean };
  'audit.summary.travel-times': Record<string, never>;
  'audit.summary.members': { name: string };
  'audit.summary.agenda-printed': { scope: string; scopeId: number };
  'audit.summary.api-token': { owner: string; label: string };
  'audit.summary.b2b-proposal': { session: string; proposal: number; mode: 'place-new' | 'replan'; moveLimit: number; placed: number; requests: number; added: number; moved: number; dropped: number };
  'audit.summary.b2b-applied': {
    session: string;
    proposal: number;
    draft: boolean;
    placed: number;
    requests: number;
    bound: number;
    added: number;
    moved: number;
    dropped: number;
    created: number;
    rescheduled: number;
    cancelled: number;
  };
  'audit.summary.b2b-discarded': { session: string; proposal: number };
  'audit.summary.b2b-published': { session: string; meetings: number; created: number; moved: number; cancelled: number };
  /** `slot` counts from 1. */
  'audit.summary.b2b-pinned': { slot: number; table: number };
  'audit.summary.b2b-unpinned': Record<string, never>;
  'audit.summary.b2b-request': { from: string; to: string };
  /** `done` is what happened to the request: accepted, declined, cancelled, reopened. */
  'audit.summary.b2b-request-done': { from: string; to: string; done: string };
  'audit.summary.b2b-joins': { company: string; session: string };
  'audit.summary.b2b-participant': { company: string; session: string };
}
