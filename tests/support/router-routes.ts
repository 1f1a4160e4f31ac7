import type express from 'express';

/** One route the app answers: its method and full path as the router spells it (with :params). */
export interface RoutedPath {
  method: string;
  path: string;
}

type Layer = { rawPath?: unknown; route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };

/**
 * Every (method, path) in the app's router, mount paths included, read from
 * express's own stack, so a route added anywhere is seen without being listed.
 */
export function routedPaths(app: express.Express): RoutedPath[] {
  const walk = (stack: Layer[], prefix: string): RoutedPath[] =>
    stack.flatMap((layer) => {
      if (layer.route) return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((method) => ({ method: method.toUpperCase(), path: join(prefix, layer.route!.path) }));
      if (!layer.handle?.stack) return [];
      const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '';
      return walk(layer.handle.stack, join(prefix, mount));
    });
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  return walk(router.stack, '');
}

function join(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/{2,}/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}
