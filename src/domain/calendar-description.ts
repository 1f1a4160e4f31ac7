/**
 * The human text of a calendar event: what a delegate reads on a phone when
 * opening a meeting from the feed. Participants live here rather than in
 * ATTENDEE properties (see buildFeed for why).
 */
import type { MeetingKind, ParticipantRole } from './types';
import type { FeedEntry, FeedScope } from './calendar';

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  bilateral: 'Bilateral meeting',
  multilateral: 'Multilateral meeting',
  signing: 'Signing ceremony',
  panel: 'Panel session',
  b2b: 'B2B meeting',
  briefing: 'Internal briefing',
  press: 'Press event',
  reception: 'Reception',
  travel: 'Travel',
};

const ROLE_LABELS: Record<ParticipantRole, string> = {
  principal: 'principal',
  required: 'required',
  optional: 'optional',
  interpreter: 'interpreter',
  note_taker: 'note-taker',
  counterpart: 'counterpart',
};

function joinPresent(parts: string[]): string {
  return parts.map((p) => p.trim()).filter((p) => p !== '').join(', ');
}

function section(heading: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['', heading, ...lines];
}

/**
 * Plain text, one fact per line. Clients show STATUS inconsistently (many not at
 * all), so a meeting that is not confirmed says so in its first line.
 * The briefing is internal: it appears only in private feeds.
 */
export function describeEntry(entry: FeedEntry, scope: FeedScope): string {
  const kind = MEETING_KIND_LABELS[entry.kind];
  const lines = [entry.status === 'confirmed' ? kind : `${kind} (${entry.status.toUpperCase()})`];
  lines.push(
    ...section(
      'Counterparts:',
      entry.counterparts.map((c) => `- ${joinPresent([c.name, c.position, c.organization])}`),
    ),
    ...section(
      entry.ourSide.readerIsOnIt ? 'Our participants:' : entry.ourSide.name !== '' ? `${entry.ourSide.name}:` : 'Participants:',
      entry.ourParticipants.map((p) => `- ${p.name} (${ROLE_LABELS[p.role]})`),
    ),
  );
  if (scope === 'private' && entry.briefing.trim() !== '') {
    lines.push(...section('Briefing:', [entry.briefing.trim()]));
  }
  lines.push(
    ...section(
      'Documents to sign:',
      entry.documents.map((d) => `- ${joinPresent([d.title, d.parties])}${d.signed ? ' (signed)' : ''}`),
    ),
  );
  // The page is the reader's own (a link's programme page), never the planners' meeting page.
  if (entry.url) lines.push('', `Programme page: ${entry.url}`);
  return lines.join('\n');
}
