/**
 * The human text of a calendar event: what a delegate reads on a phone when
 * opening a meeting from the feed, in the reader's language (the words of
 * src/messages/catalogues/<locale>/domain-labels.json).
 * Participants live here rather than in ATTENDEE properties (see buildFeed for why).
 */
import { message, type Message } from '../../messages/message';
import { render, type Locale } from '../../messages/render';
import type { MeetingKind } from '../types';
import type { FeedEntry, FeedScope } from '.';

/** The kind as a calendar shows it, in CATEGORIES and the description's first line; the agenda uses the same words. */
export function meetingKindLabel(kind: MeetingKind, locale: Locale): string {
  return render(message('label.meeting-kind', { kind }), locale);
}

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
export function describeEntry(entry: FeedEntry, scope: FeedScope, locale: Locale): string {
  const say = (m: Message) => render(m, locale);
  const kind = meetingKindLabel(entry.kind, locale);
  const status = say(message('label.meeting-status', { status: entry.status })).toLocaleUpperCase(locale);
  const lines = [entry.status === 'confirmed' ? kind : `${kind} (${status})`];
  lines.push(
    ...section(
      say(message('calendar.counterparts', {})),
      entry.counterparts.map((c) => `- ${joinPresent([c.name, c.position, c.organization])}`),
    ),
    ...section(
      say(
        entry.ourSide.readerIsOnIt ? message('calendar.our-participants', {})
        : entry.ourSide.name !== '' ? message('calendar.participants-of', { side: entry.ourSide.name })
        : message('calendar.participants', {}),
      ),
      entry.ourParticipants.map((p) => `- ${p.name} (${say(message('label.participant-role.after-name', { role: p.role }))})`),
    ),
  );
  if (scope === 'private' && entry.briefing.trim() !== '') {
    lines.push(...section(say(message('calendar.briefing', {})), [entry.briefing.trim()]));
  }
  lines.push(
    ...section(
      say(message('calendar.documents', {})),
      entry.documents.map((d) => `- ${joinPresent([d.title, d.parties])}${d.signed ? say(message('calendar.signed', {})) : ''}`),
    ),
  );
  // The page is the reader's own (a link's programme page), never the planners' meeting page.
  if (entry.url) lines.push('', say(message('calendar.programme-page', { url: entry.url })));
  return lines.join('\n');
}
