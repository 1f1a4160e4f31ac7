import { Router, type Request, type Response } from 'express';
import { BOARD_LIMITS } from '../../domain/board';
import { ValidationError } from '../../domain/errors';
import type { Forum, Id, Person } from '../../domain/types';
import type { Services } from '../../services';
import type { BoardPage } from '../../services/board';
import { formAnswerOf } from '../error-responses';
import { findTimeHref, planMeetingHref } from '../find-time-link';
import { idParam, queryString } from '../form';
import { matches } from '../list-query';
import { readerLocale } from '../locale';
import { message } from '../../messages';
import { translate, type Locale } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';
import { searchWordsOf } from '../../domain/names';

/** How many people a search lists (the page) or offers (the live search): type more to narrow. */
const SEARCH_LIMIT = 50;
const LIVE_LIMIT = 20;
/** Ids a query may carry before it is refused as a whole (the board's own bound is BOARD_LIMITS). */
const MAX_IDS = 1000;

interface BoardQuery {
  personIds: Id[];
  roomIds: Id[];
  /** Whose rooms the picker lists besides the chosen ones. */
  venueId: Id | undefined;
  date: string;
  q: string;
}

/**
 * The availability board (GET /forums/:forumId/board): a form over the query
 * string (`?person=1&person=2&room=3&date=2019-06-07`, `date=all` for every
 * day), so a board can be bookmarked and works without JavaScript; the
 * contact-book search is a submit of the same form (`q`), and with
 * JavaScript public/js/board.js asks `GET …/board/people?q=` instead.
 */
export function boardRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const forumOf = (req: Request): Forum => services.forums.get(idParam(req, 'forumId'));

  /** The contact book as the meeting form's search reads it: a person's names, position and organization, in any script. */
  const searchPeople = (q: string, except: ReadonlySet<Id>, limit: number, locale: Locale) => {
    const collator = collatorFor(locale);
    if (!q.trim()) return { found: [] as Person[], more: 0 };
    const organizations = new Map(services.organizations.list().map((o) => [o.id, o]));
    const found = services.people
      .list()
      .filter((p) => !except.has(p.id))
      .filter((p) => {
        const organization = p.organizationId === null ? undefined : organizations.get(p.organizationId);
        return matches(searchWordsOf(p, organization), q);
      })
      .sort((a, b) => collator.compare(a.fullName, b.fullName));
    return { found: found.slice(0, limit), more: Math.max(0, found.length - limit) };
  };
  const labelOf = (p: Pick<Person, 'fullName' | 'position'>) => (p.position ? `${p.fullName} — ${p.position}` : p.fullName);

  router.get('/board/people', (req, res) => {
    forumOf(req);
    const q = queryString(req, 'q').slice(0, 200);
    const { found, more } = searchPeople(q, new Set(), LIVE_LIMIT, readerLocale(req));
    res.json({ people: found.map((p) => ({ id: p.id, label: labelOf(p) })), more });
  });

  router.get('/board', (req, res) => {
    const forum = forumOf(req);
    const query = queryOf(req, forum);
    // A first visit (the form was never sent) shows the delegation; a sent form shows what it chose, even nobody.
    const sent = queryString(req, 'show') !== '' || req.query.person !== undefined || req.query.room !== undefined;
    if (!sent) query.personIds = services.board.defaultPeople(forum);
    try {
      if (query.personIds.some(Number.isNaN)) throw new ValidationError({ person: message('field.choose-from-list', { label: 'person' }) });
      if (query.roomIds.some(Number.isNaN)) throw new ValidationError({ room: message('field.choose-from-list', { label: 'room' }) });
      const board = services.board.show(forum, { personIds: query.personIds, roomIds: query.roomIds, date: query.date }, readerLocale(req));
      return show(req, res, forum, query, 200, board);
    } catch (err) {
      const answer = formAnswerOf(err, readerLocale(req));
      if (!answer) throw err;
      return show(req, res, forum, query, answer.status, null, answer.problems.errors, answer.problems.formError);
    }
  });

  const show = (req: Request, res: Response, forum: Forum, query: BoardQuery, status: number, board: BoardPage | null, errors: Record<string, string> = {}, formError?: string) => {
    const locale = readerLocale(req);
    const validIds = query.personIds.filter((id) => !Number.isNaN(id));
    const chosen = board ? board.people : validIds.flatMap((id) => services.people.find(id) ?? []);
    const search = searchPeople(query.q, new Set(validIds), SEARCH_LIMIT, locale);
    const venues = services.venues.list({ forumId: forum.id });
    // The picker lists the chosen rooms and one venue's others (as the grid does), never every room of a forum-sized programme; nor reads them.
    const chosenRooms = services.directory.roomsIn(forum.id, query.roomIds.filter((id) => !Number.isNaN(id)));
    const venueName = new Map(venues.map((v) => [v.id, v.name]));
    const venue = venues.find((v) => v.id === query.venueId) ?? venues.find((v) => v.id === chosenRooms[0]?.venueId) ?? venues[0];
    const days = services.grids.dayCounts(forum);
    const pairs = (date: string): [string, string][] => [['date', date], ...validIds.map((id): [string, string] => ['person', String(id)]), ...query.roomIds.filter((id) => !Number.isNaN(id)).map((id): [string, string] => ['room', String(id)])];
    const boardHref = (date: string) => `/forums/${forum.id}/board?${new URLSearchParams(pairs(date)).toString()}`;
    const personIds = board ? board.people.map((p) => p.id) : [];
    const firstDay = query.date === 'all' || !days.some((d) => d.date === query.date) ? forum.startDate : query.date;
    const lastDay = query.date === 'all' ? forum.endDate : firstDay;
    const findTime = personIds.length ? findTimeHref(forum.id, { participants: personIds.map((personId) => ({ personId, role: 'required' })), start: `${firstDay}T09:00`, end: `${firstDay}T10:00`, lastDay }) : null;
    res.status(status).render('pages/board/index', {
      title: translate(locale, 'ui.board.title'),
      forum,
      query,
      days,
      board,
      chosen: chosen.map((p) => ({ id: p.id, label: labelOf(p) })),
      matches: search.found.map((p) => ({ id: p.id, label: labelOf(p) })),
      moreMatches: search.more,
      venues,
      venue,
      chosenRooms: chosenRooms.map((r) => ({ id: r.id, label: `${r.name} · ${venueName.get(r.venueId) ?? ''}`, capacity: r.capacity })),
      venueRooms: venue ? services.directory.roomsOfVenue(venue.id).filter((r) => !query.roomIds.includes(r.id)) : [],
      limits: BOARD_LIMITS,
      boardHref,
      findTime,
      planHref: (plan: { start: string; end: string; roomId: Id | null }) => planMeetingHref(forum.id, { participants: personIds, start: plan.start, end: plan.end, roomId: plan.roomId }),
      errors,
      formError: formError ?? (Object.keys(errors).length ? translate(locale, 'ui.form.fields-need-attention') : undefined),
    });
  };

  return router;
}

/** The board's query: ids in the order given, each once (a value that is not an id is kept as NaN and refused), the day, the search. */
function queryOf(req: Request, forum: Forum): BoardQuery {
  const ids = (name: string): Id[] => {
    const raw = req.query[name];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).slice(0, MAX_IDS).map((v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : Number.NaN));
    const seen = new Set<number>();
    return values.filter((v) => Number.isNaN(v) || (!seen.has(v) && seen.add(v)));
  };
  const venue = queryString(req, 'venue');
  return { personIds: ids('person'), roomIds: ids('room'), venueId: /^\d{1,15}$/.test(venue) ? Number(venue) : undefined, date: queryString(req, 'date').trim().slice(0, 40) || forum.startDate, q: queryString(req, 'q').trim().slice(0, 200) };
}
