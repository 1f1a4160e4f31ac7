import { Router, type Request, type Response } from 'express';
import QRCode from 'qrcode';
import { NotFoundError } from '../../domain/errors';
import type { Services } from '../../services';
import { FEED_SCOPES, REMINDER_MINUTES, type FeedToken } from '../../domain/feed-scope';
import { LOCALE_NAMES, translate, type Locale } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';
import { baseUrlOf, webcalOf } from '../calendar-response';
import { actorOf, flash, idParam, submitForm, type FormProblems } from '../form';
import { readerLocale } from '../locale';

/** Planners hand out, rotate and revoke secret links: /forums/:forumId/links. */
export function feedLinkRoutes(services: Services): Router {
  const router = Router({ mergeParams: true });

  // People and organizations in the reader's alphabet (Azerbaijani Ə after E, Russian Cyrillic first).
  const scopeChoices = (forumId: number, locale: Locale) => {
    const byLabel = (a: { label: string }, b: { label: string }) => collatorFor(locale).compare(a.label, b.label);
    return {
      delegation: services.delegations.list({ forumId }).map((d) => ({ value: d.id, label: d.name })),
      person: services.people.list().map((p) => ({ value: p.id, label: p.fullName })).sort(byLabel),
      room: services.directory.roomsOfForum(forumId).map((r) => ({ value: r.id, label: r.name })),
      organization: services.organizations.list().map((o) => ({ value: o.id, label: o.name })).sort(byLabel),
      b2b_participant: services.b2b.links.choices(forumId),
    };
  };

  const render = async (req: Request, res: Response, status: number, extra: { created?: { token: FeedToken; secret: string }; values?: Record<string, string> } & Partial<FormProblems> = {}) => {
    const forum = services.forums.get(idParam(req, 'forumId'));
    const base = baseUrlOf(req, services.config);
    const tokens = services.feeds.list(forum.id).map((t) => ({ ...t, scopeName: services.feeds.scopeName(t, readerLocale(req)), localeName: LOCALE_NAMES[t.locale] }));
    let created = null;
    if (extra.created) {
      const url = `${base}/s/${extra.created.secret}`;
      const feed = `${url}/calendar.ics`;
      created = { token: extra.created.token, localeName: LOCALE_NAMES[extra.created.token.locale], scopeName: services.feeds.scopeName(extra.created.token, readerLocale(req)), pageUrl: url, feedUrl: feed, webcalUrl: webcalOf(feed), qr: await QRCode.toDataURL(webcalOf(feed), { margin: 1, width: 200 }) };
    }
    res.status(status).render('pages/links/index', {
      title: translate(readerLocale(req), 'ui.links.title'),
      forum,
      tokens,
      scopes: FEED_SCOPES,
      choices: scopeChoices(forum.id, readerLocale(req)),
      // A new link starts in the planner's own language, without a reminder.
      values: extra.values ?? { scope: 'person', scopeId: '', label: '', expiresOn: '', locale: readerLocale(req), reminderMinutes: '' },
      reminderChoices: [0, ...REMINDER_MINUTES],
      errors: extra.errors ?? {},
      formError: extra.formError ?? null,
      created,
      publicFeedUrl: `${base}/p/${forum.id}/programme.ics`,
      now: services.clock(),
    });
  };

  router.get('/', (req, res) => render(req, res, 200));

  router.post('/', async (req, res) => {
    const forumId = idParam(req, 'forumId');
    // The scope id comes from the select that matches the chosen scope.
    const values = {
      scope: String(req.body.scope ?? ''),
      scopeId: String(req.body[`scopeId_${req.body.scope}`] ?? req.body.scopeId ?? ''),
      label: String(req.body.label ?? ''),
      expiresOn: String(req.body.expiresOn ?? ''),
      locale: String(req.body.locale ?? ''),
      reminderMinutes: String(req.body.reminderMinutes ?? ''),
    };
    let created: { token: FeedToken; secret: string } | undefined;
    await submitForm(
      res,
      () => {
        created = services.feeds.createToken(actorOf(res), forumId, values);
      },
      (status, problems) => render(req, res, status, { values, ...problems }),
    );
    if (created) await render(req, res, 201, { created });
  });

  // The link must be one of this forum's, found before anything is written: the answer renders the forum's page,
  // and a forum that is not there would otherwise turn a committed revoke into a 404.
  const linkOfForum = (req: Request): FeedToken => {
    const forum = services.forums.get(idParam(req, 'forumId'));
    const token = services.feeds.get(idParam(req));
    if (token.forumId !== forum.id) throw new NotFoundError(translate(readerLocale(req), 'ui.links.not-in-forum', { id: token.id, forum: forum.shortName }));
    return token;
  };

  router.post('/:id/revoke', (req, res) => {
    const token = services.feeds.revoke(actorOf(res), linkOfForum(req).id);
    flash(req, 'success', translate(readerLocale(req), 'ui.links.revoked', { name: token.label || translate(readerLocale(req), 'ui.links.scope', { scope: token.scope }) }));
    res.redirect(303, `/forums/${token.forumId}/links`);
  });

  // The language and reminder of a live link, changed in place: its holder keeps the address.
  router.post('/:id/settings', async (req, res) => {
    const link = linkOfForum(req);
    const locale = readerLocale(req);
    await submitForm(
      res,
      () => {
        const token = services.feeds.changeSettings(actorOf(res), link.id, { locale: req.body.locale, reminderMinutes: req.body.reminderMinutes });
        const reminder = translate(locale, 'ui.links.reminder-choice', { minutes: token.reminderMinutes ?? 0 });
        flash(req, 'success', translate(locale, 'ui.links.settings-saved', { name: token.label || translate(locale, 'ui.links.scope', { scope: token.scope }), language: LOCALE_NAMES[token.locale], reminder }));
        res.redirect(303, `/forums/${token.forumId}/links`);
      },
      // The row's two selects have no room for a message each: one above the page names the link and what to change.
      (status, problems) => render(req, res, status, { formError: translate(locale, 'ui.links.settings-refused', { name: link.label || translate(locale, 'ui.links.scope', { scope: link.scope }), problems: Object.values(problems.errors).join(' ') }) }),
    );
  });

  router.post('/:id/rotate', async (req, res) => {
    const created = services.feeds.rotate(actorOf(res), linkOfForum(req).id);
    await render(req, res, 201, { created });
  });

  return router;
}
