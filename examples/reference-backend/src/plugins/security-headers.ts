import fp from 'fastify-plugin';

/** On every answer, API or file: no MIME sniffing, and no full URL leaked to other sites. */
export default fp(
  async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'strict-origin-when-cross-origin');
      return payload;
    });
  },
  { name: 'civic-security-headers' },
);
