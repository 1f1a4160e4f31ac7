import { Router, type Request, type Response } from 'express';
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Forum, Id } from '../../domain/types';
import { formatTime, localDateTimeOf } from '../../domain/time';
import type { Services } from '../../services';
import { ATTEND_STATUSES, MAX_SOURCE, ProgrammeImportError, type AttendStatus, type ProgrammeImportResult, type ProgrammeSession } from '../../services/forum-programme';
import { MAX_CALENDAR_BYTES } from '../../services/busy-times';
import { actorOf, flash, idParam, queryString, submitForm, type FormProblems } from '../form';
import { uploadOf } from '../middleware/upload';
import { readerLocale } from '../locale';
import { translate } from '../../messages/catalogue';
import { render } from '../../messages/render';
import { PAGE_SIZE, pagerOf, readPageRequest } from '../list-query';

/** A URL as the form takes it. */
const MAX_URL = 2000;

/** One session as the pages show it: its day and times on the forum's clock, its marks. */
export interface SessionRow {
  id: Id;
  title: string;
  date: string;
  time: string;
  allDay: boolean;
  location: string;
  cancelled: boolean;
  marks: string[];
  /** Marks of the forum's latest import (else the marks are of an earlier one). */
  latest: boolean;
  /** '10:00–11:00' and its day before the latest move, or ''. */
  was: string;
  wasDate: string;
}

export function sessionRow(s: ProgrammeSession, latest: number | null, forum: Forum): SessionRow {
  const hhmm = (local: string) => local.slice(11, 16);
  const wasLocal = (utc: number | null) => (utc === null ? '' : formatTime(utc, forum.timeZone));
  return {
    id: s.id,
    title: s.title,
    date: s.start.slice(0, 10),
    time: `${hhmm(s.start)}–${hhmm(s.end)}${s.end.slice(0, 10) !== s.start.slice(0, 10) && hhmm(s.end) !== '00:00' ? ' (+1)' : ''}`,
    allDay: s.allDay,
    location: s.location,
    cancelled: s.cancelled,
    marks: s.changes,
    latest: latest !== null && s.changedAt === latest && s.changes.length > 0,
    was: s.wasStartUtc === null || !s.changes.includes('time') ? '' : `${wasLocal(s.wasStartUtc)}–${wasLocal(s.wasEndUtc)}`,
    wasDate: s.wasStartUtc === null || !s.changes.includes('time') ? '' : localDateTimeOf(s.wasStartUtc, forum.timeZone).slice(0, 10),
  };
}

/**
 * The forum's official programme (issue 16, iCalendar in), under
 * /forums/:forumId/forum-programme: the list of sessions with their change
 * marks (by day, or only what the latest import changed), the import of the
 * organiser's calendar from a file or an allowed URL, a session's page and
 * its "Attend".
 */
export function forumProgrammeRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const forumOf = (req: Request): Forum => services.forums.get(idParam(req, 'forumId'));
  const sessionOf = (req: Request, forum: Forum): ProgrammeSession => {
    const session = services.forumProgramme.get(idParam(req, 'sessionId'));
    if (session.forumId !== forum.id) throw new NotFoundError(translate(readerLocale(req), 'ui.forum-programme.not-in-forum'));
    return session;
  };
  const say = (req: Request, key: string, params?: Record<string, string | number>) => translate(readerLocale(req), `ui.forum-programme.${key}`, params);

  router.get('/forum-programme', (req, res) => {
    const forum = forumOf(req);
    const days = services.forumProgramme.days(forum);
    const rawDate = queryString(req, 'date');
    const date = days.some((d) => d.date === rawDate) ? rawDate : null;
    const changed = queryString(req, 'changed') === '1';
    const keyset = readPageRequest(req, 'forum-programme', PAGE_SIZE);
    const page = services.forumProgramme.page(forum, { date, changed }, keyset);
    const latest = services.forumProgramme.latestChange(forum.id);
    res.render('pages/forum-programme/list', {
      title: say(req, 'title'),
      forum,
      days,
      query: { date: date ?? '', changed },
      rows: page.rows.map((s) => sessionRow(s, latest, forum)),
      pager: pagerOf(req, 'forum-programme', page, (s) => [s.startUtc, s.id]),
      sources: services.forumProgramme.sources(forum.id),
      latest,
    });
  });

  const renderImport = (req: Request, res: Response, status: number, forum: Forum, values: Record<string, string>, problems: FormProblems = { errors: {} }) => {
    res.status(status).render('pages/forum-programme/import', {
      title: say(req, 'import-title'),
      forum,
      values,
      hosts: services.forumProgramme.urlHosts(),
      sources: services.forumProgramme.sources(forum.id),
      maxMb: MAX_CALENDAR_BYTES / 1024 / 1024,
      ...problems,
    });
  };

  router.get('/forum-programme/import/new', (req, res) => {
    const forum = forumOf(req);
    const last = services.forumProgramme.sources(forum.id)[0]?.source;
    renderImport(req, res, 200, forum, { source: last ?? say(req, 'default-source'), url: '' });
  });

  router.post('/forum-programme/import', async (req, res) => {
    const forum = forumOf(req);
    const locale = readerLocale(req);
    const str = (name: string) => (typeof req.body?.[name] === 'string' ? (req.body[name] as string) : '');
    const values = { source: str('source').trim().slice(0, 400), url: str('url').trim().slice(0, MAX_URL + 10) };
    const upload = uploadOf(req);
    await submitForm(
      res,
      async () => {
        const errors: Record<string, string> = {};
        if (upload?.tooLarge) throw new ValidationError({ file: say(req, 'problem.too-large', { megabytes: MAX_CALENDAR_BYTES / 1024 / 1024 }) });
        if (!values.source) errors.source = say(req, 'name-source');
        else if (values.source.length > MAX_SOURCE) errors.source = say(req, 'source-too-long', { max: MAX_SOURCE });
        const bytes = upload?.bytes?.length ? upload.bytes : null;
        if (!bytes && !values.url) errors.file = say(req, 'choose-file');
        else if (bytes && values.url) errors.url = say(req, 'file-or-url');
        else if (values.url.length > MAX_URL) errors.url = say(req, 'url-too-long', { max: MAX_URL });
        if (Object.keys(errors).length) throw new ValidationError(errors);
        let result: ProgrammeImportResult;
        try {
          const text = await services.forumProgramme.calendarFrom({ bytes, url: values.url });
          result = services.forumProgramme.import(actorOf(res), forum.id, { source: values.source, text });
        } catch (err) {
          if (err instanceof ProgrammeImportError) throw new ValidationError({ [bytes ? 'file' : 'url']: translate(locale, err.problem.key, err.problem.params) });
          throw err;
        }
        res.status(200).render('pages/forum-programme/result', {
          title: say(req, 'result-title'),
          forum,
          result,
          followed: result.followed.map((f) => ({ ...f, conflicts: f.conflicts.map((c) => render(c.message, locale)) })),
        });
      },
      (status, problems) => renderImport(req, res, status, forum, values, problems),
    );
  });

  router.get('/forum-programme/:sessionId', (req, res) => {
    const forum = forumOf(req);
    const session = sessionOf(req, forum);
    renderSession(req, res, 200, forum, session, { status: 'tentative', person: [] });
  });

  const renderSession = (req: Request, res: Response, status: number, forum: Forum, session: ProgrammeSession, values: { status: string; person: string[] }, problems: FormProblems = { errors: {} }) => {
    const latest = services.forumProgramme.latestChange(forum.id);
    const { rooms, venues } = services.forumProgramme.placesOf(forum.id);
    const attending = services.forumProgramme.meetingsAttending(session.id);
    res.status(status).render('pages/forum-programme/session', {
      title: session.title || say(req, 'untitled'),
      forum,
      session,
      row: sessionRow(session, latest, forum),
      room: rooms.find((r) => r.id === placeRoom(session, rooms, venues)) ?? null,
      attending,
      people: services.forumProgramme.ourPeople(forum.id),
      statuses: ATTEND_STATUSES,
      values,
      ...problems,
    });
  };
  const placeRoom = (session: ProgrammeSession, rooms: ReturnType<typeof services.forumProgramme.placesOf>['rooms'], venues: ReturnType<typeof services.forumProgramme.placesOf>['venues']) => services.forumProgramme.roomOf(session, rooms, venues);

  router.post('/forum-programme/:sessionId/attend', async (req, res) => {
    const forum = forumOf(req);
    const session = sessionOf(req, forum);
    const raw = req.body?.person;
    const person = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string').slice(0, 100);
    const status = typeof req.body?.status === 'string' ? (req.body.status as string) : 'tentative';
    const values = { status, person };
    await submitForm(
      res,
      () => {
        const ids = person.map((p) => (/^\d{1,15}$/.test(p) ? Number(p) : Number.NaN));
        if (ids.some((id) => Number.isNaN(id))) throw new ValidationError({ person: say(req, 'bad-person') });
        if (!(ATTEND_STATUSES as readonly string[]).includes(status)) throw new ValidationError({ status: say(req, 'bad-status') });
        const saved = services.forumProgramme.attend(actorOf(res), session.id, { personIds: ids, status: status as AttendStatus });
        flash(req, saved.warnings.length ? 'warning' : 'success', say(req, 'attend-saved', { title: saved.meeting.title, warnings: saved.warnings.length }));
        res.redirect(303, `/forums/${forum.id}/meetings/${saved.meeting.id}`);
      },
      (code, problems) => renderSession(req, res, code, forum, session, values, problems),
    );
  });

  return router;
}
