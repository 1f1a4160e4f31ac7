import { Router } from 'express';
import { DateTime } from 'luxon';
import { ValidationError } from '../../domain/errors';
import { ROLES } from '../../domain/accounts';
import type { Services } from '../../services';
import { actorOf, flash, idParam, queryString, submitForm } from '../form';
import { PAGE_SIZE, pagerOf, readPageRequest } from '../list-query';


/** Users and the audit log: the admin's pages. */
export function adminRoutes(services: Services): Router {
  const router = Router();

  const renderUsers = (res: import('express').Response, status = 200, extra: Record<string, unknown> = {}) =>
    res.status(status).render('pages/admin/users', {
      title: 'Users',
      users: services.accounts.list(),
      roles: ROLES,
      people: services.people.list(),
      values: { username: '', role: 'viewer', personId: '' },
      errors: {},
      formError: null,
      ...extra,
    });

  router.get('/users', (_req, res) => renderUsers(res));

  router.post('/users', async (req, res) => {
    await submitForm(
      res,
      () => {
        const user = services.accounts.createUser(actorOf(res), { username: req.body.username, role: req.body.role, personId: req.body.personId, password: String(req.body.password ?? '') });
        flash(req, 'success', `User ${user.username} created.`);
        res.redirect(303, '/admin/users');
      },
      (status, problems) => renderUsers(res, status, { values: { username: req.body.username, role: req.body.role, personId: req.body.personId }, ...problems }),
    );
  });

  router.post('/users/:id', async (req, res) => {
    const user = services.accounts.find(idParam(req));
    if (!user) return void res.status(404).render('pages/errors/404', { title: 'Not found' });
    await submitForm(
      res,
      () => {
        const actor = actorOf(res);
        if (req.body.action === 'role') services.accounts.setRole(actor, user.username, String(req.body.role));
        else if (req.body.action === 'disable') services.accounts.setDisabled(actor, user.username, true);
        else if (req.body.action === 'enable') services.accounts.setDisabled(actor, user.username, false);
        else if (req.body.action === 'password') services.accounts.setPassword(actor, user.username, String(req.body.password ?? ''));
        else throw new ValidationError({ _form: 'Choose what to change: the role, disable or enable, or the password.' });
        flash(req, 'success', `User ${user.username} updated.`);
        res.redirect(303, '/admin/users');
      },
      (status, problems) => renderUsers(res, status, { formError: `${user.username}: ${Object.values(problems.errors).join(' ') || problems.formError}` }),
    );
  });

  router.get('/audit', (req, res) => {
    const filter = { entity: queryString(req, 'entity'), user: queryString(req, 'user'), day: queryString(req, 'day'), entityId: queryString(req, 'entityId') };
    const dayStart = DateTime.fromISO(filter.day, { zone: 'UTC' });
    const dayError = filter.day && !(/^\d{4}-\d{2}-\d{2}$/.test(filter.day) && dayStart.isValid) ? `Enter the day as YYYY-MM-DD, e.g. 2019-06-07; “${filter.day}” is not a date.` : null;
    const byDay = filter.day && !dayError;
    const keyset = readPageRequest(req, 'audit', PAGE_SIZE);
    const page = services.audit.page(
      {
        entity: filter.entity || undefined,
        entityId: Number(filter.entityId) || undefined,
        username: filter.user || undefined,
        fromUtc: byDay ? dayStart.toMillis() : undefined,
        toUtc: byDay ? dayStart.plus({ days: 1 }).toMillis() : undefined,
      },
      keyset,
    );
    res.render('pages/admin/audit', {
      title: 'Audit log',
      entries: page.rows,
      entities: services.audit.entities(),
      filter,
      dayError,
      pager: pagerOf(req, 'audit', page, (e) => [e.id]),
    });
  });

  router.get('/audit/:id', (req, res) => {
    const entry = services.audit.get(idParam(req));
    res.render('pages/admin/audit-entry', { title: `Audit entry ${entry.id}`, entry, formError: null });
  });

  router.post('/audit/:id/restore', async (req, res) => {
    const entry = services.audit.get(idParam(req));
    await submitForm(
      res,
      () => {
        const restored = services.audit.restore(actorOf(res), entry.id);
        flash(req, 'success', `The ${restored.entity} was restored with its old id ${restored.id}.`);
        res.redirect(303, `/admin/audit?entity=${restored.entity}&entityId=${restored.id}`);
      },
      (status, problems) => res.status(status).render('pages/admin/audit-entry', { title: `Audit entry ${entry.id}`, entry, formError: problems.formError }),
    );
  });

  return router;
}
