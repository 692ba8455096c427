import cors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

// The org is the first segment after the scope's prefix (/v1/orgs/:org/…). Read from the URL, not
// from route params, because preflights land on the plugin's catch-all OPTIONS route.
const ORG_IN_URL = /^\/v1\/orgs\/([^/?#]+)/;

/**
 * CORS for the public routes of one org: the browser gets a grant only when the page's origin is in
 * that org's allow-list, read from the database on each request so that an admin's change applies at
 * once, on every instance. No credentials: no cookie ever crosses.
 */
export default fp(
  async (app) => {
    async function isAllowed(request: FastifyRequest): Promise<boolean> {
      const origin = request.headers.origin?.toLowerCase();
      const org = ORG_IN_URL.exec(request.url)?.[1];
      if (!origin || !org) return false;
      const allowed = await app.storage.orgs.allowedOrigins(org);
      return allowed?.some((entry) => entry.toLowerCase() === origin) ?? false;
    }

    await app.register(cors, {
      delegator: async (request: FastifyRequest) => ({
        origin: (await isAllowed(request)) ? request.headers.origin : false,
        methods: ['GET', 'HEAD', 'POST'],
        allowedHeaders: ['Content-Type', 'Idempotency-Key'],
        credentials: false,
        maxAge: 600,
        // The strict check answers a bare OPTIONS with a text/plain 400 outside the Error shape;
        // without it that request just gets the grant, which tells nothing the real one would not.
        strictPreflight: false,
      }),
    });
  },
  { name: 'civic-org-cors', dependencies: ['civic-storage'] },
);
