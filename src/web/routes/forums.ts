import { Router, type Request } from 'express';
import type { Services } from '../../services';
import { actorOf, flash, idParam, submitForm } from '../form';
import { readerLocale } from '../locale';
import { translate } from '../../messages/catalogue';
import { collatorFor } from '../../messages/locale-formats';
import type { referenceAreas } from './reference-areas';

/** The forum's home page, delegation membership and the travel-time matrix. */
export function forumRoutes(services: Services, _areas: ReturnType<typeof referenceAreas>): Router {
  const router = Router();

  // The forum switcher is a plain GET form, so it works without JavaScript.
  router.get('/forums/go', (req, res) => {
    const forum = services.forums.find(Number(req.query.forumId));
    res.redirect(303, forum ? `/forums/${forum.id}` : '/forums');
  });

  // Only numeric ids: /forums/new and the other record pages belong to the forums area below.
  router.get('/forums/:forumId', (req, res, next) => {
    if (!/^\d+$/.test(req.params.forumId)) return next();
    const forum = services.forums.get(idParam(req, 'forumId'));
    const delegations = services.delegations.list({ forumId: forum.id }).map((d) => ({
      ...d,
      head: d.headPersonId ? services.people.find(d.headPersonId) : undefined,
      memberCount: services.directory.members(d.id).length,
    }));
    const venues = services.venues.list({ forumId: forum.id });
    res.render('pages/forums/home', { title: forum.name, forum, delegations, venues, counts: services.directory.counts(forum.id) });
  });

  router.post('/forums/:forumId/delegations/:id/members', async (req, res) => {
    const delegationId = idParam(req);
    const back = `/forums/${idParam(req, 'forumId')}/delegations/${delegationId}`;
    await submitForm(
      res,
      () => {
        services.directory.setMember(actorOf(res), delegationId, req.body);
        flash(req, 'success', translate(readerLocale(req), 'ui.forums.member-saved'));
        res.redirect(303, back);
      },
      (_status, problems) => {
        flash(req, 'error', Object.values(problems.errors).join(' ') || problems.formError || translate(readerLocale(req), 'ui.forums.member-not-saved'));
        res.redirect(303, back);
      },
    );
  });

  router.post('/forums/:forumId/delegations/:id/members/:personId/remove', (req, res) => {
    services.directory.removeMember(actorOf(res), idParam(req), idParam(req, 'personId'));
    flash(req, 'success', translate(readerLocale(req), 'ui.forums.member-removed'));
    res.redirect(303, `/forums/${idParam(req, 'forumId')}/delegations/${idParam(req)}`);
  });

  const renderTravel = (req: Request, forumId: number, values: Record<string, string> | null, errors: Record<string, string> = {}) => {
    const locale = readerLocale(req);
    const forum = services.forums.get(forumId);
    const collator = collatorFor(locale);
    const venues = services.venues.list({ forumId }).sort((a, b) => collator.compare(a.name, b.name));
    const stored = new Map(services.directory.travelTimes(forumId).map((t) => [`t_${t.fromVenueId}_${t.toVenueId}`, String(t.minutes)]));
    return { title: translate(locale, 'ui.forums.travel'), forum, venues, values: values ?? Object.fromEntries(stored), errors };
  };

  router.get('/forums/:forumId/travel', (req, res) => {
    res.render('pages/forums/travel', renderTravel(req, idParam(req, 'forumId'), null));
  });

  router.post('/forums/:forumId/travel', async (req, res) => {
    const forumId = idParam(req, 'forumId');
    services.forums.get(forumId);
    await submitForm(
      res,
      () => {
        services.directory.saveTravelTimes(actorOf(res), forumId, req.body);
        flash(req, 'success', translate(readerLocale(req), 'ui.forums.travel-saved'));
        res.redirect(303, `/forums/${forumId}/travel`);
      },
      (status, problems) => res.status(status).render('pages/forums/travel', { ...renderTravel(req, forumId, req.body, problems.errors), formError: problems.formError }),
    );
  });

  return router;
}
