import { Router } from 'express';
import { isLocale, LOCALE_NAMES, LOCALES, translate } from '../../messages/catalogue';
import { formatDate, formatDateRange } from '../../messages/locale-formats';
import { forumCity } from '../../domain/outcome';
import type { Services } from '../../services';
import { sendDownload } from '../download';
import { idParam } from '../form';
import { readerLocale } from '../locale';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The report's and the release's own styles, screen and print (public/css/outcome.css). */
const OUTCOME_CSS = '/public/css/outcome.css';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * After the forum (issue 17), under /forums/:forumId/outcome: the outcome
 * report (`?print=1` is its A4 print view), its .xlsx and .docx, and the
 * draft press release in a language of the reader's choice (`?language=`,
 * apart from the page's own `?lang=`). Reads only: nothing here writes.
 */
export function outcomeRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });
  const forumOf = (req: import('express').Request) => services.forums.get(idParam(req, 'forumId'));

  router.get('/outcome', (req, res) => {
    const forum = forumOf(req);
    const locale = readerLocale(req);
    const report = services.outcome.report(forum.id);
    const base = `/forums/${forum.id}/outcome`;
    const printView = req.query.print === '1';
    res.render('pages/outcome/report', {
      title: translate(locale, 'ui.outcome.title'),
      styles: [OUTCOME_CSS],
      bodyClass: printView ? 'outcome-page print-view' : 'outcome-page',
      printView,
      forum,
      report,
      tables: services.outcome.tables(forum.id, locale),
      made: services.outcome.madeLine(forum.id, locale),
      forumLine: `${formatDateRange(locale, forum.startDate, forum.endDate)} · ${forumCity(forum.city, locale)}`,
      cellDate: (date: string) => formatDate(locale, date, 'dayMonthYear'),
      links: { print: `${base}?print=1`, back: base, xlsx: `${base}/export.xlsx`, docx: `${base}/report.docx`, release: `${base}/press-release` },
    });
  });

  router.get('/outcome/export.xlsx', async (req, res) => {
    sendDownload(res, await services.outcome.xlsx(forumOf(req).id, readerLocale(req)), XLSX);
  });

  router.get('/outcome/report.docx', async (req, res) => {
    sendDownload(res, await services.outcome.docx(forumOf(req).id, readerLocale(req)), DOCX);
  });

  router.get('/outcome/press-release', (req, res) => {
    const forum = forumOf(req);
    const locale = readerLocale(req);
    // The release's language is the reader's unless they choose another; an unknown choice is the reader's too.
    const language = isLocale(req.query.language) ? req.query.language : locale;
    const release = services.outcome.release(forum.id, language);
    res.render('pages/outcome/press-release', {
      title: translate(locale, 'ui.outcome.press.title'),
      styles: [OUTCOME_CSS],
      forum,
      release,
      language,
      languages: LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] })),
      nothingHeld: services.outcome.report(forum.id).empty,
      back: `/forums/${forum.id}/outcome`,
    });
  });

  return router;
}
