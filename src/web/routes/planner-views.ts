import { Router, type Request, type Response } from 'express';
import { NotFoundError } from '../../domain/errors';
import { CONFLICT_KINDS, type Conflict, type ConflictKind } from '../../domain/conflicts';
import { isCalendarDate } from '../../domain/calendar-date';
import { compareKeys, pageOfSorted, type Key } from '../../domain/keyset';
import type { Forum, Id, StoredAvailabilityBlock } from '../../domain/types';
import type { Services } from '../../services';
import { buildConflictReport } from '../../services/meetings';
import type { DayCheck, RoomChoice } from '../../services/day-grids';
import { actorOf, flash, idParam, queryString, submitForm, type FormProblems } from '../form';
import { BadListRequest, PAGE_SIZE, pagerOf, readPageRequest } from '../list-query';
import { helpersFor } from '../view-helpers';
import { readerLocale } from '../locale';
import { checkExportSize, DEFAULT_EXPORT_MAX_ROWS, exportHrefs, exportRoutes } from '../exports';
import { conflictsExport } from '../list-exports';
import { translate, type Locale } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';

type GridMode = 'rooms' | 'people';

/** A query may name at most this many rooms or people to show; more are ignored (a venue has tens of rooms, a delegation rarely hundreds). */
const MAX_CHOSEN = 500;

/** Day grids (by room, by person), the conflicts page and availability blocks, under /forums/:forumId. */
export function plannerViews(services: Services): Router {
  const router = Router({ mergeParams: true });
  const grids = services.grids;
  const forumOf = (req: Request): Forum => services.forums.get(idParam(req, 'forumId'));
  const optionalId = (req: Request, name: string): Id | undefined => (/^\d{1,15}$/.test(queryString(req, name)) ? Number(queryString(req, name)) : undefined);

  for (const mode of ['', '/rooms', '/people'] as const) {
    router.get(`/grid${mode}`, (req, res) => {
      const forum = forumOf(req);
      const query = new URLSearchParams(req.query as Record<string, string>).toString();
      res.redirect(`/forums/${forum.id}/grid/${mode.slice(1) || 'rooms'}/${grids.openingDay(forum)}${query ? `?${query}` : ''}`);
    });
  }

  /** An unknown or out-of-forum day still shows the day tabs, so the way back is one click. */
  const renderDayProblem = (req: Request, res: Response, forum: Forum, mode: GridMode, check: Exclude<DayCheck, { ok: true }>) =>
    res.status(404).render('pages/grid/day', { title: translate(readerLocale(req), 'ui.grid.title'), forum, mode, problem: check, days: grids.dayCounts(forum), grid: null, query: '', pageLink: null });

  /** The chosen columns, as the page's checkboxes send them (?room=3&room=7): ids only, each once, at most a grid's worth of candidates. */
  const idsOf = (req: Request, name: string): Id[] => {
    const raw = req.query[name];
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string' && /^\d{1,15}$/.test(v));
    return [...new Set(values.map(Number))].slice(0, MAX_CHOSEN).sort((a, b) => a - b);
  };
  const pageParam = (req: Request): number => (/^\d{1,6}$/.test(queryString(req, 'page')) ? Number(queryString(req, 'page')) : 1);
  /** The query a grid page keeps across day tabs (without its page), and the link to another page of its columns. */
  const links = (base: string, date: string, pairs: [string, string][]) => {
    const query = new URLSearchParams(pairs).toString();
    return { query, pageLink: (page: number) => `${base}/${date}?${new URLSearchParams([...pairs, ['page', String(page)]]).toString()}` };
  };

  router.get('/grid/rooms/:date', (req, res) => {
    const forum = forumOf(req);
    const check = grids.checkDay(forum, String(req.params.date));
    if (!check.ok) return renderDayProblem(req, res, forum, 'rooms', check);
    const venues = services.venues.list({ forumId: forum.id });
    const asked = queryString(req, 'venue');
    const venue: RoomChoice['venue'] =
      asked === 'all' || asked === 'elsewhere' ? asked : (venues.find((v) => String(v.id) === asked)?.id ?? grids.defaultVenue(forum, check.date));
    const roomIds = typeof venue === 'number' ? idsOf(req, 'room') : [];
    const grid = grids.byRoom(forum, check.date, { venue, roomIds, page: pageParam(req) }, readerLocale(req));
    const rooms = typeof venue === 'number' ? services.directory.roomsOfVenue(venue) : [];
    // The venue goes into the day tabs' links only when it was asked for: another day may open on another venue.
    const explicit = asked === 'all' || asked === 'elsewhere' || venues.some((v) => String(v.id) === asked);
    const pairs: [string, string][] = [...(explicit ? [['venue', String(venue)] as [string, string]] : []), ...roomIds.map((id): [string, string] => ['room', String(id)])];
    res.render('pages/grid/day', { title: translate(readerLocale(req), 'ui.grid.title-day.rooms', { date: check.date }), forum, mode: 'rooms', grid, days: grid.days, venues, venue, rooms, chosen: roomIds, ...links(`/forums/${forum.id}/grid/rooms`, check.date, pairs) });
  });

  router.get('/grid/people/:date', (req, res) => {
    const forum = forumOf(req);
    const check = grids.checkDay(forum, String(req.params.date));
    if (!check.ok) return renderDayProblem(req, res, forum, 'people', check);
    const delegations = services.delegations.list({ forumId: forum.id });
    const delegation = delegations.find((d) => d.id === optionalId(req, 'delegation')) ?? delegations[0];
    if (!delegation) {
      return res.render('pages/grid/day', { title: translate(readerLocale(req), 'ui.grid.mode.people'), forum, mode: 'people', grid: null, days: grids.dayCounts(forum), date: check.date, delegations, query: '', pageLink: null });
    }
    const personIds = idsOf(req, 'person');
    const grid = grids.byPerson(forum, check.date, delegation, { personIds, page: pageParam(req) }, readerLocale(req));
    const members = grids.members(delegation).map(({ person }) => person);
    const pairs: [string, string][] = [...(optionalId(req, 'delegation') === delegation.id ? [['delegation', String(delegation.id)] as [string, string]] : []), ...personIds.map((id): [string, string] => ['person', String(id)])];
    res.render('pages/grid/day', { title: translate(readerLocale(req), 'ui.grid.title-day.people', { date: check.date }), forum, mode: 'people', grid, days: grid.days, delegations, delegation, members, chosen: personIds, ...links(`/forums/${forum.id}/grid/people`, check.date, pairs) });
  });

  /**
   * The conflicts page: a summary by day and kind (each count a link to that
   * part of the list), then the list a page at a time. A conflict's key is
   * (day, kind, errors first, its first meeting's start, what it is about), so
   * a conflict that appears on an earlier page does not shift the next one.
   * The whole report is the API's (GET /api/v1/forums/:id/conflicts).
   * The conflicts the address asks for (its day and kind) are read by
   * chosenConflicts, in the page's order, for the page and for its exports.
   */
  const chosenConflicts = async (req: Request, res: Response, forum: Forum) => {
    // Made off the event loop when not kept: the first look after a save waits, others are served meanwhile.
    const dated = await services.meetings.datedConflictsReady(forum.id);
    const keyed = dated.map(({ conflict: c, date, start }) => {
      const key: Key = [date, CONFLICT_KINDS.indexOf(c.kind), c.severity === 'error' ? 0 : 1, start, `${c.meetingIds.join(',')}|${c.personId ?? ''}|${c.roomId ?? ''}`];
      return { c, date, key };
    });
    const day = queryString(req, 'day');
    const kind = queryString(req, 'kind');
    if (day && !isCalendarDate(day)) throw new BadListRequest(res.locals.t('ui.conflicts.bad-day', { day: String(day).slice(0, 20) }));
    if (kind && !CONFLICT_KINDS.includes(kind as ConflictKind)) throw new BadListRequest(res.locals.t('ui.conflicts.bad-kind', { kind: kind.slice(0, 40) }));
    const chosen = keyed.filter((k) => (!day || k.date === day) && (!kind || k.c.kind === kind)).sort((a, b) => compareKeys(a.key, b.key));
    return { keyed, chosen, day, kind };
  };

  router.get('/conflicts', async (req, res) => {
    const forum = forumOf(req);
    const { keyed, chosen, day, kind } = await chosenConflicts(req, res, forum);
    const summary = conflictSummary(keyed.map(({ c, date }) => ({ kind: c.kind, date })));
    const list = `conflicts:${day}:${kind}`;
    const page = pageOfSorted(chosen, (k) => k.key, compareKeys, readPageRequest(req, list, PAGE_SIZE));
    // Only the page's conflicts are laid out by day and kind; the kinds' titles come from an empty report.
    const titles = new Map(buildConflictReport({ conflicts: [], meetings: [], timeZone: forum.timeZone }).kinds.map((k) => [k.kind, k.title]));
    const errors = keyed.filter((k) => k.c.severity === 'error').length;
    // Only the page's meetings are read in full, to name them.
    const pageIds = [...new Set(page.rows.flatMap((k) => k.c.meetingIds))];
    const meetings = pageIds.length ? services.meetings.list({ forumId: forum.id, ids: pageIds }) : [];
    res.render('pages/conflicts/index', {
      title: res.locals.t('nav.conflicts'),
      forum,
      totals: { errors, warnings: keyed.length - errors },
      summary: { ...summary, kinds: summary.kinds.map((k) => ({ ...k, title: titles.get(k.kind)! })) },
      filter: { day, kind, title: kind ? titles.get(kind as ConflictKind) : undefined },
      page: buildConflictReport({ conflicts: page.rows.map((k) => k.c), meetings, timeZone: forum.timeZone }),
      pager: pagerOf(req, list, page, (k) => k.key),
      exports: exportHrefs(req, `/forums/${forum.id}/conflicts`),
    });
  });

  // Every conflict the filters keep, not one page: the meetings they name are read once, to name them.
  exportRoutes(router, '/conflicts', async (req, res) => {
    const forum = forumOf(req);
    const { chosen, day, kind } = await chosenConflicts(req, res, forum);
    checkExportSize(req, chosen.length, services.config.exportMaxRows ?? DEFAULT_EXPORT_MAX_ROWS);
    const ids = [...new Set(chosen.flatMap((k) => k.c.meetingIds))];
    const meetings = ids.length ? services.meetings.list({ forumId: forum.id, ids }) : [];
    return conflictsExport(forum, chosen.map((k) => ({ conflict: k.c, date: k.date })), meetings, readerLocale(req), { day, kind });
  });

  /** People grouped by the forum's delegations (others after), rooms by venue: the choices of one select. */
  const subjectChoices = (forum: Forum, locale: Locale) => {
    const collator = collatorFor(locale);
    const people = services.people.list().sort((a, b) => collator.compare(a.fullName, b.fullName));
    const delegations = services.delegations.list({ forumId: forum.id });
    const inDelegation = new Set<Id>();
    const groups = delegations.map((d) => {
      const ids = new Set(services.directory.members(d.id).map((m) => m.personId));
      ids.forEach((id) => inDelegation.add(id));
      return { label: d.name, options: people.filter((p) => ids.has(p.id)).map((p) => ({ value: `person:${p.id}`, label: p.fullName })) };
    });
    groups.push({ label: translate(locale, 'ui.availability.other-people'), options: people.filter((p) => !inDelegation.has(p.id)).map((p) => ({ value: `person:${p.id}`, label: p.fullName })) });
    const rooms = services.directory.roomsOfForum(forum.id);
    for (const venue of services.venues.list({ forumId: forum.id })) {
      groups.push({ label: translate(locale, 'ui.availability.rooms-of', { venue: venue.name }), options: rooms.filter((r) => r.venueId === venue.id).map((r) => ({ value: `room:${r.id}`, label: r.name })) });
    }
    return groups.filter((g) => g.options.length);
  };

  const subjectNames = (forum: Forum) => {
    const rooms = new Map(services.directory.roomsOfForum(forum.id).map((r) => [`room:${r.id}`, r.name]));
    return (subject: string, subjectId: Id) => (subject === 'room' ? rooms.get(`room:${subjectId}`) : services.people.find(subjectId)?.fullName) ?? `${subject} ${subjectId}`;
  };

  router.get('/availability', (req, res) => {
    const forum = forumOf(req);
    const nameOf = subjectNames(forum);
    const blocks = services.availability.list(forum.id).map((block) => ({ ...block, name: nameOf(block.subject, block.subjectId) }));
    res.render('pages/availability/index', { title: translate(readerLocale(req), 'nav.availability'), forum, blocks });
  });

  const renderForm = (req: Request, res: Response, status: number, forum: Forum, values: Record<string, string>, problems: FormProblems = { errors: {} }) => {
    const locale = readerLocale(req);
    res.status(status).render('pages/availability/form', { title: translate(locale, 'ui.availability.new-title'), forum, values, choices: subjectChoices(forum, locale), ...problems });
  };

  router.get('/availability/new', (req, res) => {
    const forum = forumOf(req);
    const date = grids.checkDay(forum, queryString(req, 'date'));
    const day = date.ok ? date.date : forum.startDate;
    const target = /^(person|room):\d+$/.test(queryString(req, 'target')) ? queryString(req, 'target') : '';
    renderForm(req, res, 200, forum, { target, start: `${day}T09:00`, end: `${day}T10:00`, reason: '' });
  });

  router.post('/availability', async (req, res) => {
    const forum = forumOf(req);
    const values = { target: String(req.body.target ?? ''), start: String(req.body.start ?? ''), end: String(req.body.end ?? ''), reason: String(req.body.reason ?? '') };
    const [subject, subjectId] = values.target.split(':');
    await submitForm(
      res,
      () => {
        const block = services.availability.create(actorOf(res), forum.id, { subject, subjectId, start: values.start, end: values.end, reason: values.reason });
        const locale = readerLocale(req);
        flash(req, 'success', translate(locale, 'ui.availability.saved', { block: blockText(forum, block, locale) }));
        const clashes = meetingsDuring(forum, block);
        if (clashes) flash(req, 'warning', translate(locale, 'ui.availability.meetings-inside', { count: clashes }));
        res.redirect(303, `/forums/${forum.id}/availability`);
      },
      (status, problems) => {
        // One select stands for both subject and subjectId, so their messages go beside it.
        const { subject: subjectError, subjectId: idError, ...errors } = problems.errors;
        if (subjectError || idError) errors.target = translate(readerLocale(req), 'ui.availability.choose-target');
        renderForm(req, res, status, forum, values, { ...problems, errors });
      },
    );
  });

  /** How many of the block's subject's meetings the conflict engine finds inside it. */
  const meetingsDuring = (forum: Forum, block: StoredAvailabilityBlock): number => {
    const inside = new Set(services.meetings.list({ forumId: forum.id, fromUtc: block.startUtc, toUtc: block.endUtc }).map((m) => m.id));
    const subjectOf = (c: Conflict) => (block.subject === 'room' ? c.roomId : c.personId);
    return services.meetings.conflicts(forum.id).filter((c) => c.kind === 'unavailable' && subjectOf(c) === block.subjectId && inside.has(c.meetingIds[0]!)).length;
  };

  /** 'Leyla Mammadova unavailable Fri 7 Jun 10:30–11:30', as the list reads, in the reader's language. */
  const blockText = (forum: Forum, block: StoredAvailabilityBlock, locale: Locale) => {
    const { shortDate } = helpersFor(locale);
    const [startDay, startTime] = block.start.split('T') as [string, string];
    const [endDay, endTime] = block.end.split('T') as [string, string];
    const until = endDay === startDay ? endTime : `${shortDate(endDay)} ${endTime}`;
    return translate(locale, 'ui.availability.block-text', { name: subjectNames(forum)(block.subject, block.subjectId), from: `${shortDate(startDay)} ${startTime}`, until });
  };

  router.post('/availability/:id/delete', (req, res) => {
    const forum = forumOf(req);
    const block = services.availability.get(idParam(req));
    const locale = readerLocale(req);
    if (block.forumId !== forum.id) throw new NotFoundError(translate(locale, 'ui.availability.not-in-forum', { id: block.id, forum: forum.shortName }));
    services.availability.remove(actorOf(res), block.id);
    flash(req, 'success', translate(locale, 'ui.availability.removed', { block: blockText(forum, block, locale) }));
    res.redirect(303, `/forums/${forum.id}/availability`);
  });

  return router;
}

/** Conflicts counted by day and by kind: the rows and columns of the summary table, only those that have any. */
function conflictSummary(items: { kind: ConflictKind; date: string }[]) {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const i of items) {
    bump(`${i.date}|${i.kind}`);
    bump(`${i.date}|`);
    bump(`|${i.kind}`);
  }
  const kinds = CONFLICT_KINDS.filter((k) => counts.has(`|${k}`));
  const dates = [...new Set(items.map((i) => i.date))].sort();
  return {
    kinds: kinds.map((kind) => ({ kind, total: counts.get(`|${kind}`) ?? 0 })),
    days: dates.map((date) => ({ date, total: counts.get(`${date}|`) ?? 0, byKind: kinds.map((kind) => counts.get(`${date}|${kind}`) ?? 0) })),
    total: items.length,
  };
}
