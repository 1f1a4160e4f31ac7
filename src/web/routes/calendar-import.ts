import { Router, type Request, type Response } from 'express';
import { ValidationError } from '../../domain/errors';
import type { Forum } from '../../domain/types';
import type { Services } from '../../services';
import { CalendarImportError } from '../../services/availability';
import { MAX_CALENDAR_BYTES } from '../../services/busy-times';
import { actorOf, flash, idParam, queryString, submitForm, type FormProblems } from '../form';
import { readerLocale } from '../locale';
import { translate } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';

/**
 * A pasted calendar travels in the form's urlencoded body, which the app
 * takes up to 200 kB (src/web/middleware/body.ts); encoded, a calendar grows
 * by about a third, so the field takes this much.
 */
const MAX_PASTE_BYTES = 140 * 1024;

/** A source's name: what the planner calls the calendar ("Minister's office"); the same name replaces the same import. */
const MAX_SOURCE = 80;

/**
 * A person's busy times from a calendar export (issue 16, iCalendar in), under
 * /forums/:forumId/availability/import: the form, and the import that
 * replaces the previous import of the same source. The calendar is pasted or
 * read from a chosen file into the form's text field.
 */
export function calendarImport(services: Services): Router {
  const router = Router({ mergeParams: true });
  const forumOf = (req: Request): Forum => services.forums.get(idParam(req, 'forumId'));

  const render = (req: Request, res: Response, status: number, forum: Forum, values: Record<string, string>, problems: FormProblems = { errors: {} }) => {
    const locale = readerLocale(req);
    const collator = collatorFor(locale);
    const people = services.people
      .list()
      .sort((a, b) => collator.compare(a.fullName, b.fullName))
      .map((p) => ({ value: String(p.id), label: p.fullName }));
    const personId = Number(values.person);
    const sources = Number.isInteger(personId) && personId > 0 ? services.availability.importedSources(forum.id, personId) : [];
    res.status(status).render('pages/availability/import', { title: translate(locale, 'ui.calendar-import.title'), forum, values, people, sources, maxKb: Math.floor(Math.min(MAX_PASTE_BYTES, MAX_CALENDAR_BYTES) / 1024), ...problems });
  };

  router.get('/availability/import/new', (req, res) => {
    const forum = forumOf(req);
    const person = /^\d{1,15}$/.test(queryString(req, 'person')) ? queryString(req, 'person') : '';
    render(req, res, 200, forum, { person, source: '', calendar: '', keepTitles: '' });
  });

  router.post('/availability/import', async (req, res) => {
    const forum = forumOf(req);
    const locale = readerLocale(req);
    const str = (name: string) => (typeof req.body[name] === 'string' ? (req.body[name] as string) : '');
    const values = { person: str('person'), source: str('source').trim(), calendar: str('calendar'), keepTitles: str('keepTitles') };
    await submitForm(
      res,
      () => {
        const errors: Record<string, string> = {};
        const person = /^\d{1,15}$/.test(values.person) ? services.people.find(Number(values.person)) : undefined;
        if (!person) errors.person = translate(locale, 'ui.calendar-import.choose-person');
        if (!values.source) errors.source = translate(locale, 'ui.calendar-import.name-source');
        else if (values.source.length > MAX_SOURCE) errors.source = translate(locale, 'ui.calendar-import.source-too-long', { max: MAX_SOURCE });
        if (!values.calendar.trim()) errors.calendar = translate(locale, 'ui.calendar-import.paste-calendar');
        else if (Buffer.byteLength(values.calendar, 'utf8') > MAX_PASTE_BYTES) errors.calendar = translate(locale, 'ui.calendar-import.paste-too-large', { kb: MAX_PASTE_BYTES / 1024 });
        if (Object.keys(errors).length) throw new ValidationError(errors);
        let result: ReturnType<typeof services.availability.importBusy>;
        try {
          result = services.availability.importBusy(actorOf(res), forum.id, {
            personId: person!.id,
            source: values.source,
            text: values.calendar,
            keepTitles: values.keepTitles === 'yes',
            busyLabel: translate(locale, 'ui.calendar-import.busy'),
          });
        } catch (err) {
          if (err instanceof CalendarImportError) throw new ValidationError({ calendar: translate(locale, err.problem.key, err.problem.params) });
          throw err;
        }
        flash(req, 'success', translate(locale, 'ui.calendar-import.imported', { count: result.created.length, removed: result.removed, name: person!.fullName, source: values.source }));
        res.redirect(303, `/forums/${forum.id}/availability`);
      },
      (status, problems) => render(req, res, status, forum, { ...values, calendar: values.calendar.slice(0, 200_000) }, problems),
    );
  });

  return router;
}
