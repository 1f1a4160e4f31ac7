import { Router } from 'express';
import { z } from 'zod';
import type { Services } from '../../services';
import { field, parseInput } from '../../services/validation';
import { baseUrlOf, webcalOf } from '../calendar-response';
import { actorOf, idParam } from '../form';
import { isoUtc } from '../presenters';
import type { FeedToken } from '../../domain/feed-scope';

const tokenJson = (t: FeedToken) => ({
  id: t.id,
  forumId: t.forumId,
  scope: t.scope,
  scopeId: t.scopeId,
  label: t.label,
  locale: t.locale,
  reminderMinutes: t.reminderMinutes,
  createdAt: isoUtc(t.createdAt),
  expiresAt: t.expiresAt === null ? null : isoUtc(t.expiresAt),
  revokedAt: t.revokedAt === null ? null : isoUtc(t.revokedAt),
  lastFetchedAt: t.lastFetchedAt === null ? null : isoUtc(t.lastFetchedAt),
});

const forumOfLink = z.object({ forumId: field.optionalId('forum') });

/** Feed tokens over the API: the secret is in the answer to POST only, once. */
export function apiFeedRoutes(services: Services): Router {
  const router = Router();
  router.get('/forums/:id/feed-tokens', (req, res) => {
    const forum = services.forums.get(idParam(req));
    res.json(services.feeds.list(forum.id).map(tokenJson));
  });
  router.post('/feed-tokens', (req, res) => {
    // Read with the field rules like the rest of the body: Number() of an object with its own toString throws.
    const { forumId } = parseInput(forumOfLink, req.body);
    const { token, secret } = services.feeds.createToken(actorOf(res), forumId, req.body);
    const url = `${baseUrlOf(req, services.config)}/s/${secret}/calendar.ics`;
    res.status(201).json({ ...tokenJson(token), token: secret, url, webcalUrl: webcalOf(url), pageUrl: url.replace(/\/calendar\.ics$/, '') });
  });
  router.patch('/feed-tokens/:id', (req, res) => {
    res.json(tokenJson(services.feeds.changeSettings(actorOf(res), idParam(req), req.body)));
  });
  router.delete('/feed-tokens/:id', (req, res) => {
    services.feeds.revoke(actorOf(res), idParam(req));
    res.status(204).end();
  });
  return router;
}
