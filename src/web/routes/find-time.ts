import { Router, type Request, type Response } from 'express';
import { NotFoundError } from '../../domain/errors';
import { FINDER_LIMITS, type Candidate } from '../../domain/time-finder';
import { daysBetween } from '../../domain/calendar-date';
import { localDateTimeOf, formatTime } from '../../domain/time';
import type { Forum, Id } from '../../domain/types';
import type { Services } from '../../services';
import { findTimeHref, planMeetingHref } from '../find-time-link';
import { idParam, queryString } from '../form';
import { formAnswerOf } from '../error-responses';
import { fold, matches } from '../list-query';
import { render, message } from '../../messages';
import { translate, type Locale } from '../../messages/catalogue';
import { readerLocale } from '../locale';
import { nameText, searchWordsOf } from '../../domain/names';
import { byShownName, personChoiceLabel } from '../meeting-form';

const WHERE = ['any', 'room', 'venue', 'outside'] as const;
type Where = (typeof WHERE)[number];
/** How many people the multi-selects list at most when nothing is searched: the search narrows a large contact book. */
const LISTED_PEOPLE = 400;

/** The search form's values as the page shows them (strings). */
interface FindTimeValues {
  person: string[];
  optional: string[];
  q: string;
  duration: string;
  where: Where;
  roomId: string;
  venueId: string;
  minSeats: string;
  place: string;
  from: string;
  to: string;
  earliest: string;
  latest: string;
  buffer: string;
  limit: string;
  title: string;
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
const idList = (v: unknown): string[] => [...new Set(list(v).filter((id) => /^\d{1,15}$/.test(id)))].slice(0, 50);

/**
 * "Find a time" (GET /forums/:forumId/find-time): a form over the query string
 * (so a result can be bookmarked and works without JavaScript) and, when it
 * was submitted with "Find", the best slots from TimeFinderService. Each slot
 * links to the new-meeting form filled in. `?meeting=ID` starts from a
 * meeting's people, length and day (the conflicts page links so).
 */
export function findTimeRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const forumOf = (req: Request): Forum => services.forums.get(idParam(req, 'forumId'));

  router.get('/find-time', (req, res) => {
    const forum = forumOf(req);
    const fromMeeting = queryString(req, 'meeting');
    if (/^\d{1,15}$/.test(fromMeeting)) {
      const meeting = services.meetings.get(Number(fromMeeting));
      if (meeting.forumId !== forum.id) throw new NotFoundError(message('meeting.not-found', { id: meeting.id }));
      return res.redirect(303, findTimeHref(forum.id, { participants: meeting.participants, start: meeting.start, end: meeting.end, title: meeting.title }));
    }
    const values = valuesOf(req, forum);
    // A multi-select sends people in list order: the one a new row would make principal (the delegation head) comes first.
    const roleOf = services.directory.defaultRoles(forum.id);
    values.person.sort((a, b) => Number(roleOf(Number(b)) === 'principal') - Number(roleOf(Number(a)) === 'principal'));
    const locale = readerLocale(req);
    if (!queryString(req, 'find')) return show(res, locale, forum, values, 200);
    try {
      const answer = services.timeFinder.find(forum.id, inputOf(values), values.title.trim() || render(message('finder.untitled', {}), locale));
      return show(res, locale, forum, values, 200, { candidates: answer.result.candidates, stoppedEarly: answer.result.stoppedEarly });
    } catch (err) {
      const problems = formAnswerOf(err, locale);
      if (!problems) throw err;
      return show(res, locale, forum, values, problems.status, undefined, renamed(problems.problems.errors), problems.problems.formError);
    }
  });

  const show = (res: Response, locale: Locale, forum: Forum, values: FindTimeValues, status: number, found?: { candidates: Candidate[]; stoppedEarly: boolean }, errors: Record<string, string> = {}, formError?: string) => {
    const everyone = byShownName(services.people.list(), locale);
    const organizations = new Map(services.organizations.list().map((o) => [o.id, o]));
    const wordsOf = (p: (typeof everyone)[number]) => {
      const organization = p.organizationId === null ? undefined : organizations.get(p.organizationId);
      return searchWordsOf(p, organization);
    };
    const names = new Map(everyone.map((p) => [String(p.id), nameText(p, locale)]));
    const chosen = new Set([...values.person, ...values.optional]);
    const matching = everyone.filter((p) => chosen.has(String(p.id)) || (values.q.trim() !== '' && matches(wordsOf(p), values.q)));
    const listed = values.q.trim() ? matching : [...matching, ...everyone.filter((p) => !chosen.has(String(p.id))).slice(0, LISTED_PEOPLE)];
    const rooms = services.directory.roomsOfForum(forum.id);
    const venues = services.venues.list({ forumId: forum.id });
    const venueName = new Map(venues.map((v) => [v.id, v.name]));
    const roomLabel = new Map(rooms.map((r) => [r.id, `${r.name} · ${venueName.get(r.venueId) ?? ''}`]));
    const results = found?.candidates.map((c) => candidateRow(forum, c, values, roomLabel, names));
    res.status(status).render('pages/find-time/index', {
      title: translate(locale, 'nav.find-time'),
      forum,
      values,
      people: listed.map((p) => ({ id: String(p.id), label: personChoiceLabel(p, locale), search: fold(wordsOf(p).join(' ')) })),
      more: !values.q.trim() && everyone.length - chosen.size > LISTED_PEOPLE,
      roomGroups: venues.map((v) => ({ venue: v, rooms: rooms.filter((r) => r.venueId === v.id) })),
      venues,
      results,
      stoppedEarly: found?.stoppedEarly ?? false,
      errors,
      formError: formError ?? (Object.keys(errors).length ? translate(locale, 'ui.form.fields-need-attention') : undefined),
      limits: FINDER_LIMITS,
    });
  };

  return router;
}

function valuesOf(req: Request, forum: Forum): FindTimeValues {
  const q = (k: string, fallback = '') => queryString(req, k).trim() || fallback;
  const where = q('where', 'any') as Where;
  const from = q('from', forum.startDate);
  return {
    person: idList(req.query.person),
    optional: idList(req.query.optional),
    q: q('q'),
    duration: q('duration', '60'),
    where: WHERE.includes(where) ? where : 'any',
    roomId: q('roomId'),
    venueId: q('venueId'),
    minSeats: q('minSeats'),
    place: q('place'),
    from,
    to: q('to', forum.endDate >= from && daysBetween(from, forum.endDate) < FINDER_LIMITS.maxDays ? forum.endDate : from),
    earliest: q('earliest', '09:00'),
    latest: q('latest', '19:00'),
    buffer: q('buffer', '0'),
    limit: q('limit', '10'),
    title: q('title'),
  };
}

/** The form's fields as the service's input (the API's shape). */
function inputOf(v: FindTimeValues): Record<string, unknown> {
  const optional = v.optional.filter((id) => !v.person.includes(id));
  return {
    participants: [...v.person.map((personId) => ({ personId, required: true })), ...optional.map((personId) => ({ personId, required: false }))],
    durationMinutes: v.duration,
    roomIds: v.where === 'room' ? [v.roomId] : [],
    venueIds: v.where === 'venue' ? [v.venueId] : [],
    minSeats: v.where === 'outside' ? '' : v.minSeats,
    place: v.where === 'outside' ? v.place : '',
    outside: v.where === 'outside',
    from: v.from,
    to: v.to,
    earliest: v.earliest,
    latest: v.latest,
    bufferMinutes: v.buffer,
    limit: v.limit,
    title: v.title,
  };
}

/** The service's field names as the form's. */
function renamed(errors: Record<string, string>): Record<string, string> {
  const FORM: Record<string, string> = { participants: 'person', durationMinutes: 'duration', bufferMinutes: 'buffer', 'roomIds.0': 'roomId', 'venueIds.0': 'venueId' };
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(errors)) {
    const name = FORM[key] ?? (key.startsWith('participants.') ? 'person' : key);
    out[name] ??= text;
  }
  return out;
}

function candidateRow(forum: Forum, c: Candidate, v: FindTimeValues, roomLabel: Map<Id, string>, names: Map<string, string>) {
  const start = localDateTimeOf(c.startUtc, forum.timeZone);
  const end = localDateTimeOf(c.endUtc, forum.timeZone);
  const missing = new Set(c.missingOptional.map(String));
  const optional = v.optional.filter((id) => !missing.has(id) && !v.person.includes(id));
  return {
    date: start.slice(0, 10),
    time: `${formatTime(c.startUtc, forum.timeZone)}–${formatTime(c.endUtc, forum.timeZone)}`,
    place: c.roomId === null ? v.place : (roomLabel.get(c.roomId) ?? ''),
    warnings: c.warnings,
    missing: c.missingOptional.map((id) => names.get(String(id)) ?? `#${id}`),
    planHref: planMeetingHref(forum.id, { participants: v.person, optional, start, end, roomId: c.roomId, place: v.place, title: v.title }),
  };
}
