import { Router, type Request, type Response } from 'express';
import type { Conflict } from '../../domain/conflicts';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { message, render } from '../../messages';
import { translate, type Locale } from '../../messages/catalogue';
import { MEETING_KINDS, MEETING_STATUSES, PARTICIPANT_ROLES, type Forum, type Meeting, type MeetingStatus } from '../../domain/types';
import type { Services } from '../../services';
import { actorOf, flash, idParam, queryString, submitForm, type FormProblems } from '../form';
import { fold, matches, PAGE_SIZE, pagerOf, readPageRequest } from '../list-query';
import { applyFormStep, blankMeetingForm, byShownName, personChoiceLabel, DURATION_CHOICES, foldOffsetChoices, formStepOf, formValuesOf, loadedTimesOf, meetingInputOf, prefillFromQuery, readMeetingForm, type MeetingFormValues } from '../meeting-form';
import { MAX_BULK, type MoveTarget } from '../../services/meetings';
import { findTimeHref } from '../find-time-link';
import { forumDays } from '../../domain/agenda';
import { isCalendarDate } from '../../domain/calendar-date';
import { isStatusAction, statusActionsFrom, type StatusAction } from '../../domain/meeting-status';
import { dayBounds } from '../../domain/time';
import { readerLocale } from '../locale';
import { checkExportSize, DEFAULT_EXPORT_MAX_ROWS, exportHrefs, exportRoutes } from '../exports';
import { meetingsExport } from '../list-exports';
import { meetingEditRoutes } from './meeting-edits';
import { searchWordsOf } from '../../domain/names';

/**
 * Which status buttons are dangerous. How each reads is ui.meetings.status.<action>,
 * and the notice after it ui.meetings.done.<action>; which buttons a meeting
 * offers is the domain's (statusActionsFrom).
 */
const DANGEROUS: readonly StatusAction[] = ['cancel'];

/** The meeting list, page, form and status actions, under /forums/:forumId/meetings. */
/** Past this many people the list's person filter gives way to the search box. */
const PERSON_CHOICES_MAX = 300;

/** The list's filter, as the meeting service reads it. */
type MeetingFilter = Parameters<Services['meetings']['page']>[0];

export function meetingRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  router.use(meetingEditRoutes(services));
  const forumOf = (req: Request): Forum => services.forums.get(idParam(req, 'forumId'));
  const load = (req: Request, forum: Forum): Meeting => {
    const meeting = services.meetings.get(idParam(req));
    if (meeting.forumId !== forum.id) throw new NotFoundError(message('meeting.not-found', { id: meeting.id }));
    return meeting;
  };

  /** The contact book as the participant rows offer it: a label, the folded text a search matches, the role a new row gets. */
  const peopleChoices = (forum: Forum, locale: Locale) => {
    const roleOf = services.directory.defaultRoles(forum.id);
    const organizations = new Map(services.organizations.list().map((o) => [o.id, o]));
    return byShownName(services.people.list(), locale).map((p) => {
        const organization = p.organizationId === null ? undefined : organizations.get(p.organizationId);
        const words = searchWordsOf(p, organization);
        return { id: p.id, label: personChoiceLabel(p, locale), words, search: fold(words.join(' ')), role: roleOf(p.id) };
    });
  };

  /** What every meeting page chooses from: the forum's venues with their rooms, its delegations, the fixed kinds and statuses. */
  const programmeChoices = (forum: Forum) => {
    const venues = services.venues.list({ forumId: forum.id });
    const rooms = services.directory.roomsOfForum(forum.id);
    return {
      kinds: MEETING_KINDS,
      statuses: MEETING_STATUSES,
      roomGroups: venues.map((v) => ({ venue: v, rooms: rooms.filter((r) => r.venueId === v.id) })),
      delegations: services.delegations.list({ forumId: forum.id }),
    };
  };

  const choices = (forum: Forum, locale: Locale) => ({
    ...programmeChoices(forum),
    roles: PARTICIPANT_ROLES,
    people: peopleChoices(forum, locale).map(({ id, label, search, role }) => ({ id, label, search, role })),
    durations: DURATION_CHOICES,
  });

  /**
   * The list's filters. The person filter is a choice list while the contact
   * book is short; past PERSON_CHOICES_MAX people it would be most of the page
   * (5,000 options are 250 KB, read, sorted and drawn on every look), so it
   * offers only the person already chosen and the search box finds the rest.
   */
  const listChoices = (forum: Forum, personId: number | undefined, locale: Locale) => {
    const few = services.people.count() <= PERSON_CHOICES_MAX;
    const chosen = personId === undefined ? undefined : services.people.find(personId);
    const people = few ? byShownName(services.people.list(), locale) : chosen ? [chosen] : [];
    return {
      ...programmeChoices(forum),
      people: people.map((p) => ({ id: p.id, label: personChoiceLabel(p, locale) })),
      peopleSearchOnly: !few,
    };
  };

  const renderForm = (req: Request, res: Response, status: number, forum: Forum, meeting: Meeting | null, values: MeetingFormValues, problems: FormProblems & { details?: Record<string, unknown> } = { errors: {} }, search: PersonSearch | null = null) => {
    const locale = readerLocale(req);
    res.status(status).render('pages/meetings/form', {
      search,
      title: translate(locale, meeting ? 'ui.meetings.edit-title' : 'ui.meetings.new-title'),
      forum,
      meeting,
      values,
      version: problems.stale ? (problems.stale as Meeting).version : meeting?.version,
      ...choices(forum, locale),
      ...problems,
      details: { ...foldOffsetChoices(values, values.timeZone.trim() || meeting?.timeZone || forum.timeZone), ...problems.details },
      // A save refused for a clash: the same people, the same length, on the same day, elsewhere in time.
      findTimeHref: problems.conflicts?.length ? findTimeHref(forum.id, values) : undefined,
    });
  };

  /**
   * What the list's address asks for: the filter (day, person, room,
   * delegation, kind, status) and the search. The list page and its exports
   * read it here, so a download holds exactly the meetings the page shows.
   */
  const listQueryOf = (req: Request, forum: Forum) => {
    const day = queryString(req, 'day');
    const num = (k: string) => (queryString(req, k) ? Number(queryString(req, k)) : undefined);
    // A bad day in a bookmarked or typed address shows every day with a warning, rather than an error page.
    const bounds = isCalendarDate(day) ? dayBounds(day, forum.timeZone) : null;
    const kind = queryString(req, 'kind') as Meeting['kind'];
    const status = queryString(req, 'status') as MeetingStatus;
    const q = queryString(req, 'q');
    const filter: MeetingFilter = {
      forumId: forum.id,
      fromUtc: bounds?.startUtc,
      toUtc: bounds?.endUtc,
      personId: num('person'),
      roomId: num('room'),
      delegationId: num('delegation'),
      kind: MEETING_KINDS.includes(kind) ? kind : undefined,
      status: MEETING_STATUSES.includes(status) ? status : undefined,
    };
    return { day, bounds, q, filter, matcher: q.trim() ? (text: string) => matches([text], q) : undefined };
  };

  router.get('/', (req, res) => {
    const forum = forumOf(req);
    const { day, bounds, q, filter, matcher } = listQueryOf(req, forum);
    const delegationId = filter.delegationId;
    const locale = readerLocale(req);
    const filterWarning = day && !bounds ? translate(locale, 'ui.meetings.list.bad-day', { day: day.slice(0, 40) }) : null;
    const keyset = readPageRequest(req, 'meetings', PAGE_SIZE);
    // A page of the list in SQL (keyset on start, end, id); a search reads only each meeting's text to match it first.
    const page = services.meetings.page(filter, keyset, matcher);
    const delegation = delegationId ? services.delegations.find(delegationId) : undefined;
    // The page's conflicts, computed around its own meetings (or filtered from the kept whole report).
    const views = services.views.describe(forum, page.rows, { homeTimeZone: delegation?.homeTimeZone, conflicts: services.meetings.conflictsAmong(forum.id, page.rows) });
    const days = forumDays(forum);
    res.render('pages/meetings/index', {
      title: translate(locale, 'nav.meetings'),
      forum,
      views,
      pager: pagerOf(req, 'meetings', page, (m) => [m.startUtc, m.endUtc, m.id]),
      days,
      byDay: days.map((d) => ({ day: d, views: views.filter((v) => v.day === d) })).filter((g) => g.views.length),
      filterWarning,
      back: req.originalUrl.slice(0, 1000),
      maxBulk: MAX_BULK,
      filter: { day, person: queryString(req, 'person'), room: queryString(req, 'room'), delegation: queryString(req, 'delegation'), kind: queryString(req, 'kind'), status: queryString(req, 'status'), q, limit: queryString(req, 'limit') },
      ...listChoices(forum, filter.personId, locale),
      exports: exportHrefs(req, `/forums/${forum.id}/meetings`),
    });
  });

  // The whole filtered list (bounded by EXPORT_MAX_ROWS), each meeting with its conflicts, as the list shows them.
  exportRoutes(router, '', (req) => {
    const forum = forumOf(req);
    const { filter, matcher } = listQueryOf(req, forum);
    const maxRows = services.config.exportMaxRows ?? DEFAULT_EXPORT_MAX_ROWS;
    checkExportSize(req, services.meetings.page(filter, { limit: 1 }, matcher).total, maxRows);
    const rows = services.meetings.page(filter, { limit: maxRows }, matcher).rows;
    const delegation = filter.delegationId ? services.delegations.find(filter.delegationId) : undefined;
    const views = services.views.describe(forum, rows, { homeTimeZone: delegation?.homeTimeZone, conflicts: services.meetings.conflictsAmong(forum.id, rows) });
    return meetingsExport(forum, views, readerLocale(req), queryString(req, 'day'));
  });

  router.get('/new', (req, res) => {
    const forum = forumOf(req);
    const from = queryString(req, 'from');
    if (from) {
      const source = services.meetings.get(Number(from));
      if (source.forumId !== forum.id) throw new NotFoundError(message('meeting.not-found', { id: source.id }));
      // The copy's documents are new agreements of the register (no ids): the source keeps its own.
      const copied = formValuesOf(source);
      return renderForm(req, res, 200, forum, null, { ...copied, documents: copied.documents.map((d) => ({ ...d, id: '' })), title: translate(readerLocale(req), 'ui.meetings.copy-title', { title: source.title }), status: 'tentative' });
    }
    renderForm(req, res, 200, forum, null, blankMeetingForm({ start: `${forum.startDate}T10:00`, end: `${forum.startDate}T11:00`, ...prefillFromQuery(req, services.directory.defaultRoles(forum.id)) }));
  });

  /**
   * "Add another participant", "Search" and each found person's "Add" without
   * JavaScript: the form comes back with every input kept, nothing written.
   */
  const renderStep = (req: Request, res: Response, forum: Forum, meeting: Meeting | null): boolean => {
    const step = formStepOf(req.body);
    if (!step) return false;
    const roleOf = services.directory.defaultRoles(forum.id);
    const values = applyFormStep(readMeetingForm(req.body), step, roleOf);
    let search: PersonSearch | null = null;
    if (step.kind === 'search') {
      const found = step.q.trim() ? peopleChoices(forum, readerLocale(req)).filter((p) => matches(p.words, step.q)) : [];
      search = { q: step.q, matches: found.slice(0, SEARCH_LIMIT).map(({ id, label, role }) => ({ id, label, role })), more: Math.max(0, found.length - SEARCH_LIMIT) };
    }
    renderForm(req, res, 200, forum, meeting, values, { errors: {} }, search);
    return true;
  };

  router.post('/', async (req, res) => {
    const forum = forumOf(req);
    if (renderStep(req, res, forum, null)) return;
    const values = readMeetingForm(req.body);
    await submitForm(
      res,
      () => {
        const { meeting, warnings } = services.meetings.create(actorOf(res), forum.id, meetingInputOf(values));
        announce(req, meeting, 'created', warnings.length);
        res.redirect(303, `/forums/${forum.id}/meetings/${meeting.id}`);
      },
      (status, problems) => renderForm(req, res, status, forum, null, values, problems),
    );
  });

  // One meeting as a file to forward to a counterpart (METHOD:PUBLISH, no briefing).
  router.get('/:id.ics', (req, res) => {
    const forum = forumOf(req);
    const meeting = load(req, forum);
    res.set('Content-Disposition', `attachment; filename="meeting-${meeting.id}.ics"`);
    res.type('text/calendar; charset=utf-8').send(services.feeds.singleEvent(meeting, readerLocale(req)));
  });

  router.get('/:id', (req, res) => {
    const forum = forumOf(req);
    const meeting = load(req, forum);
    const conflicts = services.meetings.conflictsOf(meeting);
    const homeZone = meeting.delegationIds.map((id) => services.delegations.find(id)?.homeTimeZone).find((z) => z && z !== forum.timeZone) ?? null;
    const [view] = services.views.describe(forum, [meeting], { homeTimeZone: homeZone, conflicts });
    const others = new Map(
      services.meetings
        .list({ forumId: forum.id, ids: [...new Set(conflicts.flatMap((c) => c.meetingIds))].filter((id) => id !== meeting.id) })
        .map((m) => [m.id, m]),
    );
    res.render('pages/meetings/show', {
      title: meeting.title,
      forum,
      view,
      meeting,
      conflicts,
      others,
      history: services.audit.history('meeting', meeting.id),
      // The forum's session this meeting attends (issue 16), and what to warn about it.
      attended: services.forumProgramme.attendedBy(meeting),
      // Its documents as the register has them (status, parties, signatories), for the documents list and "Mark held".
      documents: services.agreements.ofMeeting(meeting),
      statusActions: statusActionsFrom(meeting.status).map((key) => ({ key, label: translate(readerLocale(req), `ui.meetings.status.${key}`), danger: DANGEROUS.includes(key) })),
      // Who a cancellation would reach, for the confirmation dialog: asked only when the page offers Cancel.
      reach: statusActionsFrom(meeting.status).includes('cancel') && res.locals.can(`POST /forums/${forum.id}/meetings/${meeting.id}/cancel`) ? services.feeds.reachOf(meeting) : null,
    });
  });

  router.get('/:id/edit', (req, res) => {
    const forum = forumOf(req);
    const meeting = load(req, forum);
    renderForm(req, res, 200, forum, meeting, formValuesOf(meeting));
  });

  router.post('/:id/edit', async (req, res) => {
    const forum = forumOf(req);
    const meeting = load(req, forum);
    if (renderStep(req, res, forum, meeting)) return;
    const values = readMeetingForm(req.body);
    const version = Number(req.body.version);
    await submitForm(
      res,
      () => {
        const saved = services.meetings.update(actorOf(res), meeting.id, Number.isInteger(version) ? version : null, meetingInputOf(values), { loaded: loadedTimesOf(values) });
        announce(req, saved.meeting, 'saved', saved.warnings.length, saved.auditId);
        res.redirect(303, `/forums/${forum.id}/meetings/${meeting.id}`);
      },
      (status, problems) => renderForm(req, res, status, forum, meeting, values, problems),
    );
  });

  router.post('/:id/status', async (req, res) => {
    const forum = forumOf(req);
    const meeting = load(req, forum);
    const key = req.body.action;
    if (!isStatusAction(key)) throw new ValidationError({ action: translate(readerLocale(req), 'ui.meetings.status.choose') });
    const back = `/forums/${forum.id}/meetings/${meeting.id}`;
    // Cancelling reaches every subscribed calendar: it is done only from its confirmation.
    if (key === 'cancel') return res.redirect(303, `${back}/cancel`);
    const version = Number(req.body.version);
    await submitForm(
      res,
      () => {
        const saved = services.meetings.applyStatusAction(actorOf(res), meeting.id, Number.isInteger(version) ? version : null, key);
        announce(req, saved.meeting, key, saved.warnings.length, saved.auditId);
        res.redirect(303, back);
      },
      (_status, problems) => {
        const conflicts = (problems.conflicts ?? []) as Conflict[];
        flash(req, 'error', [problems.formError, ...conflicts.map((c) => render(c.message, readerLocale(req)))].filter(Boolean).join(' '));
        res.redirect(303, back);
      },
    );
  });

  // The confirmation before a cancellation, which reaches every calendar that shows the meeting.
  router.get('/:id/cancel', (req, res) => {
    const forum = forumOf(req);
    const meeting = load(req, forum);
    res.render('pages/meetings/cancel', { title: translate(readerLocale(req), 'ui.meetings.cancel.title', { title: meeting.title }), forum, meeting, reach: services.feeds.reachOf(meeting), offered: statusActionsFrom(meeting.status).includes('cancel'), formError: null });
  });

  router.post('/:id/cancel', async (req, res) => {
    const forum = forumOf(req);
    const meeting = load(req, forum);
    const version = Number(req.body.version);
    await submitForm(
      res,
      () => {
        const saved = services.meetings.applyStatusAction(actorOf(res), meeting.id, Number.isInteger(version) ? version : null, 'cancel');
        announce(req, saved.meeting, 'cancel', saved.warnings.length, saved.auditId);
        res.redirect(303, `/forums/${forum.id}/meetings/${meeting.id}`);
      },
      (status, problems) => {
        const now = services.meetings.get(meeting.id);
        res.status(status).render('pages/meetings/cancel', { title: translate(readerLocale(req), 'ui.meetings.cancel.title', { title: now.title }), forum, meeting: now, reach: services.feeds.reachOf(now), offered: statusActionsFrom(now.status).includes('cancel'), formError: problems.formError ?? Object.values(problems.errors).join(' ') });
      },
    );
  });

  // Move without a mouse or JavaScript: a new start, ±15 minutes or the next free slot, the duration kept.
  const renderMove = (req: Request, res: Response, status: number, forum: Forum, meeting: Meeting, typed: MoveFormValues, problems: FormProblems = { errors: {} }) => {
    res.status(status).render('pages/meetings/move', { title: translate(readerLocale(req), 'ui.meetings.move.title', { title: meeting.title }), forum, meeting, typed, version: problems.stale ? (problems.stale as Meeting).version : meeting.version, ...problems });
  };

  router.get('/:id/move', (req, res) => {
    const forum = forumOf(req);
    const meeting = load(req, forum);
    renderMove(req, res, 200, forum, meeting, { start: meeting.start, shift: '' });
  });

  router.post('/:id/move', async (req, res) => {
    const forum = forumOf(req);
    const meeting = load(req, forum);
    const typed: MoveFormValues = { start: typeof req.body.start === 'string' ? req.body.start.slice(0, 40) : '', shift: typeof req.body.shift === 'string' ? req.body.shift.slice(0, 20) : '' };
    const version = Number(req.body.version);
    await submitForm(
      res,
      () => {
        const saved = services.meetings.move(actorOf(res), meeting.id, Number.isInteger(version) ? version : null, moveTargetOf(typed));
        announce(req, saved.meeting, 'move', saved.warnings.length, saved.auditId);
        res.redirect(303, `/forums/${forum.id}/meetings/${meeting.id}`);
      },
      (status, problems) => renderMove(req, res, status, forum, services.meetings.get(meeting.id), typed, problems),
    );
  });

  return router;
}

/** How many people a search without JavaScript lists. */
const SEARCH_LIMIT = 20;

interface PersonSearch {
  q: string;
  matches: { id: number; label: string; role: string }[];
  /** How many more matched than are listed. */
  more: number;
}

/** What the Move form sent: a new start, or a shift button ('15', '-15', 'next-free'). */
interface MoveFormValues {
  start: string;
  shift: string;
}

function moveTargetOf(typed: MoveFormValues): MoveTarget {
  if (typed.shift === 'next-free') return { kind: 'next-free' };
  if (typed.shift !== '') return { kind: 'by', minutes: /^[-−]?\d{1,5}$/.test(typed.shift) ? Number(typed.shift.replace('−', '-')) : Number.NaN };
  return { kind: 'start', start: typed.start };
}

/** What was done to a meeting, as its notice says it: a save, or a status action or move (ui.meetings.done.<what>). */
type Done = 'created' | 'saved' | 'move' | StatusAction;

function announce(req: Request, meeting: Meeting, done: Done, warnings: number, auditId?: number): void {
  const locale = readerLocale(req);
  const back = `/forums/${meeting.forumId}/meetings/${meeting.id}`;
  const undo = auditId === undefined ? undefined : { action: `/forums/${meeting.forumId}/meetings/undo`, from: auditId, to: auditId, back };
  const range = `${meeting.start.replace('T', ' ')}–${meeting.end.slice(11)}`;
  flash(req, 'success', translate(locale, `ui.meetings.done.${done}`, { title: meeting.title, range }), undo);
  if (warnings) flash(req, 'warning', translate(locale, 'ui.meetings.done.warnings', { count: warnings }));
}

