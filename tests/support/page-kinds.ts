import type express from 'express';
import type { SignedIn } from './app';
import { routedPaths } from './router-routes';

/**
 * The GET routes that answer something other than a page: feeds, downloads,
 * the JSON API, the event stream, the health check, redirects and JSON
 * searches. Every other GET route in the router is a page kind.
 */
const NOT_PAGES: readonly RegExp[] = [
  /\.ics$/,
  /\/export\.json$/, // a forum's whole programme as a download
  /\/export\.(xlsx|csv)$/, // a list's download (src/web/exports.ts)
  /^\/api\//,
  /^\/healthz$/,
  /\/changes$/,
  /^\/forums\/go$/, // the forum picker's redirect
  /\/board\/people$/, // the board's live search (JSON)
  /^\/$/, // the redirect to the forum list
  /\/grid(\/rooms|\/people)?$/, // redirects to the forum's opening day
];

/** One page kind: a GET route as the router spells it, and a pattern that recognises its URLs. */
export interface PageKind {
  route: string;
  matches: RegExp;
}

/** Every GET route of the app that renders a page, read from the router (a route added anywhere is seen). */
export function pageKinds(app: express.Express): PageKind[] {
  const kinds = new Map<string, PageKind>();
  for (const { method, path: route } of routedPaths(app)) {
    if (method !== 'GET' || NOT_PAGES.some((re) => re.test(route))) continue;
    // /forums/:forumId and /forums/:id are two routers' names for one page.
    const source = `^${route.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`;
    if (!kinds.has(source)) kinds.set(source, { route, matches: new RegExp(source, 'i') });
  }
  return [...kinds.values()];
}

/** The kind a path belongs to; a literal route (/people/new) wins over a parameter one (/people/:id). */
export function kindOf(kinds: readonly PageKind[], path: string): PageKind | undefined {
  const found = kinds.filter((k) => k.matches.test(path));
  return found.sort((a, b) => (a.route.match(/:/g)?.length ?? 0) - (b.route.match(/:/g)?.length ?? 0))[0];
}

/**
 * URLs for each page kind, found the way a person finds them: following the
 * links on the pages, breadth first from `start`, over plain HTTP as the
 * signed-in `user`. Every start URL that answers a page is kept (the named
 * variants a test wants, such as a grid with a delegation chosen); for any
 * other kind, the first URL met stands for it.
 */
export async function urlsPerKind(user: SignedIn, kinds: readonly PageKind[], start: readonly string[], maxPages = 400): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const queue = [...start];
  const seen = new Set(queue);
  let fetched = 0;
  while (queue.length > 0 && fetched < maxPages) {
    const url = queue.shift()!;
    const kind = kindOf(kinds, new URL(url, 'http://x').pathname);
    if (!kind || (found.has(kind.route) && !start.includes(url))) continue;
    const res = await user.get(url);
    fetched++;
    if (res.status !== 200 || !/text\/html/.test(String(res.headers['content-type']))) continue;
    if (!found.has(kind.route)) found.set(kind.route, [url]);
    else if (start.includes(url)) found.get(kind.route)!.push(url);
    for (const m of res.text.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)"/g)) {
      const href = m[1]!.replace(/&amp;/g, '&');
      const next = kindOf(kinds, new URL(href, 'http://x').pathname);
      if (!next || found.has(next.route) || seen.has(href)) continue;
      seen.add(href);
      queue.push(href);
    }
  }
  return found;
}
