import { Router, type Request, type Response } from 'express';
import { DateTime } from 'luxon';
import { translate, type Locale } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';
import { readerLocale } from '../locale';
import { viewHelpers } from '../view-helpers';
import { ValidationError } from '../../domain/errors';
import { ROLES } from '../../domain/accounts';
import { namedRecordOf, type AuditEntry } from '../../domain/audit';
import { nameText } from '../../domain/names';
import { message } from '../../messages';
import type { Services } from '../../services';
import { actorOf, flash, idParam, queryString, submitForm } from '../form';
import { PAGE_SIZE, pagerOf, readPageRequest } from '../list-query';

/** The audit log's entities that have a name in the catalogue (ui.admin.entity.*): every `entity:` the services write. */
export const NAMED_ENTITIES: ReadonlySet<string> = new Set([
  'agreement',
  'api_token',
  'availability_block',
  'b2b_participant',
  'b2b_request',
  'b2b_schedule',
  'b2b_session',
  'delegation',
  'delegation_members',
  'feed_token',
  'forum',
  'meeting',
  'organization',
  'person',
  'print_snapshot',
  'programme_session',
  'room',
  'travel_matrix',
  'user',
  'venue',
]);

/** An audit row's entity as a reader calls it ('Availability block', «Встреча»); one the catalogue does not name (an old row's), humanized. */
function entityLabelIn(locale: Locale) {
  return (entity: string) => (NAMED_ENTITIES.has(entity) ? translate(locale, `ui.admin.entity.${entity}`) : viewHelpers.humanize(entity));
}

/**
 * An entry as the log shows it to a reader of `locale`: a person's or an organization's entry names the record in
 * the reader's language (from the state it recorded); any other, and an older row, says what its summary says.
 */
function inReaderLanguage(services: Services, locale: Locale) {
  return (entry: AuditEntry): AuditEntry => {
    const named = namedRecordOf(entry);
    if (named) return { ...entry, said: message('verbatim', { text: nameText(named, locale, 'full') }) };
    // A company's B2B entry names it by its organization: in the reader's language while the organization is still the one named.
    const state = (entry.after ?? entry.before) as { organizationId?: unknown } | null;
    const { key, params } = entry.said as { key: string; params: Record<string, unknown> };
    if (entry.entity === 'b2b_participant' && (key === 'audit.summary.b2b-joins' || key === 'audit.summary.b2b-participant') && typeof state?.organizationId === 'number') {
      const organization = services.organizations.find(state.organizationId);
      if (organization && params.company === organization.name) return { ...entry, said: { ...entry.said, params: { ...params, company: nameText(organization, locale) } } as AuditEntry['said'] };
    }
    return entry;
  };
}

/** Users and the audit log: the admin's pages. */
export function adminRoutes(services: Services): Router {
  const router = Router();

  const renderUsers = (req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) => {
    const locale = readerLocale(req);
    const collator = collatorFor(locale);
    res.status(status).render('pages/admin/users', {
      title: translate(locale, 'ui.admin.users'),
      users: services.accounts.list(),
      roles: ROLES,
      people: services.people.list().sort((a, b) => collator.compare(a.fullName, b.fullName)),
      values: { username: '', role: 'viewer', personId: '' },
      errors: {},
      formError: null,
      ...extra,
    });
  };

  router.get('/users', (req, res) => renderUsers(req, res));

  router.post('/users', async (req, res) => {
    await submitForm(
      res,
      () => {
        const user = services.accounts.createUser(actorOf(res), { username: req.body.username, role: req.body.role, personId: req.body.personId, password: String(req.body.password ?? '') });
        flash(req, 'success', translate(readerLocale(req), 'ui.admin.user-created', { user: user.username }));
        res.redirect(303, '/admin/users');
      },
      (status, problems) => renderUsers(req, res, status, { values: { username: req.body.username, role: req.body.role, personId: req.body.personId }, ...problems }),
    );
  });

  router.post('/users/:id', async (req, res) => {
    const user = services.accounts.find(idParam(req));
    if (!user) return void res.status(404).render('pages/errors/404', { title: translate(readerLocale(req), 'ui.errors.title.not-found') });
    await submitForm(
      res,
      () => {
        const actor = actorOf(res);
        if (req.body.action === 'role') services.accounts.setRole(actor, user.username, String(req.body.role));
        else if (req.body.action === 'disable') services.accounts.setDisabled(actor, user.username, true);
        else if (req.body.action === 'enable') services.accounts.setDisabled(actor, user.username, false);
        else if (req.body.action === 'password') services.accounts.setPassword(actor, user.username, String(req.body.password ?? ''));
        else throw new ValidationError({ _form: translate(readerLocale(req), 'ui.admin.choose-change') });
        flash(req, 'success', translate(readerLocale(req), 'ui.admin.user-updated', { user: user.username }));
        res.redirect(303, '/admin/users');
      },
      (status, problems) => renderUsers(req, res, status, { formError: `${user.username}: ${Object.values(problems.errors).join(' ') || problems.formError}` }),
    );
  });

  router.get('/audit', (req, res) => {
    const filter = { entity: queryString(req, 'entity'), user: queryString(req, 'user'), day: queryString(req, 'day'), entityId: queryString(req, 'entityId') };
    const dayStart = DateTime.fromISO(filter.day, { zone: 'UTC' });
    const locale = readerLocale(req);
    const dayError = filter.day && !(/^\d{4}-\d{2}-\d{2}$/.test(filter.day) && dayStart.isValid) ? translate(locale, 'ui.admin.bad-day', { day: filter.day }) : null;
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
      title: translate(locale, 'ui.admin.audit'),
      entityLabel: entityLabelIn(locale),
      entries: page.rows.map(inReaderLanguage(services, locale)),
      entities: services.audit.entities(),
      filter,
      dayError,
      pager: pagerOf(req, 'audit', page, (e) => [e.id]),
    });
  });

  router.get('/audit/:id', (req, res) => {
    const entry = services.audit.get(idParam(req));
    const locale = readerLocale(req);
    res.render('pages/admin/audit-entry', { title: translate(locale, 'ui.admin.entry-title', { id: entry.id }), entityLabel: entityLabelIn(locale), entry: inReaderLanguage(services, locale)(entry), formError: null });
  });

  router.post('/audit/:id/restore', async (req, res) => {
    const entry = services.audit.get(idParam(req));
    await submitForm(
      res,
      () => {
        const restored = services.audit.restore(actorOf(res), entry.id);
        const locale = readerLocale(req);
        flash(req, 'success', translate(locale, 'ui.admin.restored', { entity: entityLabelIn(locale)(restored.entity).toLocaleLowerCase(locale), id: restored.id }));
        res.redirect(303, `/admin/audit?entity=${restored.entity}&entityId=${restored.id}`);
      },
      (status, problems) => {
        const locale = readerLocale(req);
        res.status(status).render('pages/admin/audit-entry', { title: translate(locale, 'ui.admin.entry-title', { id: entry.id }), entityLabel: entityLabelIn(locale), entry: inReaderLanguage(services, locale)(entry), formError: problems.formError });
      },
    );
  });

  return router;
}
