import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Folders served as they are; either may be left out. */
export interface StaticRoots {
  /** The demo city site, at `/`. */
  site?: string;
  /** The CDN build of the widgets, at `/cdn/`. */
  cdn?: string;
  /** The demo kiosk (full-screen rating) and its phone page, at `/kiosk/`. */
  kiosk?: string;
}

/** The CDN entry keeps its name from release to release, so browsers must revalidate it. */
const CDN_ENTRY = /^civic-pulse\.js(\.map)?$/;
/** Rollup's `[name]-[hash].js` chunks: new content, new name, so they may be cached for good. */
const HASHED_CHUNK = /-[A-Za-z0-9_-]{8}\.js(\.map)?$/;

export function cdnCacheControl(fileName: string): string {
  if (CDN_ENTRY.test(fileName)) return 'no-cache';
  if (HASHED_CHUNK.test(fileName)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=300';
}

/**
 * Serves the demo site, its kiosk and the CDN bundle. Not wrapped in fastify-plugin: its hook only touches
 * the files it serves.
 */
export default async function staticFiles(app: FastifyInstance, roots: StaticRoots): Promise<void> {
  // The send library still names JavaScript application/javascript; the HTML spec and RFC 9239
  // say text/javascript.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type')).startsWith('application/javascript')) {
      reply.header('content-type', 'text/javascript; charset=utf-8');
    }
    return payload;
  });

  if (roots.site) {
    // redirect: /en → /en/, so that the relative links of en/index.html resolve under /en/.
    await app.register(fastifyStatic, { root: roots.site, prefix: '/', decorateReply: false, redirect: true });
  }
  if (roots.kiosk) {
    // The prefix without its slash, so that /kiosk is redirected to /kiosk/ here rather than looked
    // up, and not found, among the site's files.
    await app.register(fastifyStatic, { root: roots.kiosk, prefix: '/kiosk', decorateReply: false, redirect: true });
  }
  if (roots.cdn) {
    await app.register(fastifyStatic, {
      root: roots.cdn,
      prefix: '/cdn/',
      decorateReply: false,
      cacheControl: false,
      setHeaders(response, path) {
        response.setHeader('cache-control', cdnCacheControl(basename(path)));
        // A city's site on its own domain loads the bundle as a module script, which browsers fetch
        // in CORS mode: these public files, sent without cookies, may be read from any origin.
        response.setHeader('access-control-allow-origin', '*');
        response.setHeader('cross-origin-resource-policy', 'cross-origin');
      },
    });
  }
}
