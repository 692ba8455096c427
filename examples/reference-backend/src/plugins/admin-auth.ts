import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { HttpError, sendError } from '../http-error.js';

/**
 * Guards every route of the scope it is registered in with `Authorization: Bearer <admin token>`.
 * Both sides are hashed first so that the comparison takes the same time whatever the length.
 */
export default fp<{ adminToken: string }>(
  async (app, { adminToken }) => {
    const expected = sha256(adminToken);
    app.addHook('onRequest', async (request, reply) => {
      const presented = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? '')?.[1];
      if (presented === undefined) {
        reply.header('www-authenticate', 'Bearer realm="civic-pulse-admin"');
        return sendError(reply, new HttpError(401, 'unauthorized', 'This route needs Authorization: Bearer <admin token>.'));
      }
      if (!timingSafeEqual(sha256(presented), expected)) {
        throw new HttpError(403, 'forbidden', 'This admin token is not valid.');
      }
    });
  },
  { name: 'civic-admin-auth' },
);

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
