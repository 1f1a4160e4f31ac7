import type { NextFunction, Request, Response } from 'express';
import type { Services } from '../services';
import type { FeedDocumentResult } from '../services/feeds';
import { baseUrlOf, isNotModified, sendNotModified } from './calendar-response';
import { askedLocale, readerLocale } from './locale';

const LINK_FEED = /^\/s\/([A-Za-z0-9_-]{32})\/calendar\.ics$/;
const PUBLIC_FEED = /^\/p\/([1-9][0-9]{0,14})\/programme\.ics$/;

/**
 * A calendar's conditional poll of a feed it already has, answered 304 first
 * thing: before the security headers, the request log, the body parser, the
 * session, the policy or any router, and without loading or building the
 * feed. It costs a lookup in the feed cache and one read of the audit log's
 * head, about what a bare express 304 costs (a subscribed phone polls every
 * few minutes, all day, and nearly every answer is this one).
 *
 * Only a poll that the feed service finds current (feeds/index.ts,
 * unchangedLinkFeed) and whose If-None-Match / If-Modified-Since matches is
 * answered here; everything else, including every 200, goes the whole way to
 * the routes in routes/secret-links.ts. The paths matched are exactly the
 * canonical spellings the app hands out (the characters a token may hold, no
 * escapes, dots or doubled slashes), so canonical-path has nothing to say
 * about them. Such a 304 is counted in the link's fetches (the links page),
 * not written to the request log line by line.
 */
export function notModifiedFeeds(services: Services) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || (!req.headers['if-none-match'] && !req.headers['if-modified-since'])) return next();
    const path = req.path;
    const link = LINK_FEED.exec(path);
    const forum = link ? null : PUBLIC_FEED.exec(path);
    if (!link && !forum) return next();
    const clientHasIt = (doc: FeedDocumentResult) => isNotModified(req, doc);
    let doc: FeedDocumentResult | null;
    try {
      // A link's feed is in the link's language unless the address asks for another (the route's rule: askedLocale);
      // the public programme follows its reader (readerLocale).
      doc = link ? services.feeds.unchangedLinkFeed(link[1]!, baseUrlOf(req, services.config), askedLocale(req), clientHasIt) : services.feeds.unchangedPublicFeed(Number(forum![1]), readerLocale(req), clientHasIt);
    } catch {
      // The whole way meets the same trouble and answers it through the error table.
      return next();
    }
    if (!doc) return next();
    sendNotModified(res, doc, { cache: link ? 'private' : 'public', refreshMinutes: services.config.feedRefreshMinutes });
  };
}
