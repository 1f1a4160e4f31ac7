import { Router, type Request, type Response } from 'express';
import { translate } from '../../messages/catalogue';
import type { Services } from '../../services';
import { describeProblem, MAX_BYTES, type Problem } from '../../services/forum-transfer';
import { readerLocale } from '../locale';
import { actorOf, flash, idParam } from '../form';
import { uploadOf } from '../middleware/upload';

/** How many of an import's problems the page lists. */
const SHOWN = 50;

/** A forum out as JSON and in from such a file (admins only: policy.ts). */
export function forumTransferRoutes(services: Services): Router {
  const router = Router();

  router.get('/forums/:forumId/export.json', (req, res) => {
    const doc = services.forumTransfer.exportForum(idParam(req, 'forumId'));
    const day = doc.exportedAt.slice(0, 10);
    res.set('Content-Disposition', `attachment; filename="forum-${idParam(req, 'forumId')}-${day}.json"`);
    res.set('Cache-Control', 'no-store');
    res.type('application/json').send(`${JSON.stringify(doc, null, 1)}\n`);
  });

  const renderImport = (req: Request, res: Response, status = 200, problems: Problem[] = [], formError: string | null = null) => {
    const locale = readerLocale(req);
    res.status(status).render('pages/admin/forum-import', {
      title: translate(locale, 'ui.forum-transfer.import-title'),
      megabytes: MAX_BYTES / 1024 / 1024,
      problems: problems.slice(0, SHOWN).map((p) => describeProblem(locale, p)),
      moreProblems: problems.length > SHOWN,
      formError: formError ?? (problems.length ? translate(locale, 'ui.forum-transfer.problems') : null),
    });
  };

  router.get('/admin/forum-import', (req, res) => renderImport(req, res));

  router.post('/admin/forum-import', (req, res) => {
    const locale = readerLocale(req);
    const upload = uploadOf(req);
    if (upload?.tooLarge) return renderImport(req, res, 422, [{ path: '', key: 'too-large', params: { megabytes: MAX_BYTES / 1024 / 1024 } }]);
    if (!upload?.bytes) return renderImport(req, res, 422, [], translate(locale, 'ui.forum-transfer.no-file'));
    const outcome = services.forumTransfer.importForum(actorOf(res), upload.bytes);
    if (!outcome.ok) return renderImport(req, res, 422, outcome.problems);
    const { result } = outcome;
    flash(req, 'success', translate(locale, 'ui.forum-transfer.imported', { name: result.name, meetings: result.created.meetings ?? 0, people: result.created.people ?? 0, matched: result.matched.people + result.matched.organizations }));
    res.redirect(303, `/forums/${result.forumId}`);
  });

  return router;
}
