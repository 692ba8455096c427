// A proxy that loses answers: it forwards each request to the backend, waits until the backend
// has answered in full (so the server has handled it: stored the rating, say), and then, for the
// requests it picks, destroys the client's socket instead of passing the answer on. What a client
// sees on a flaky mobile network or a proxy that times out too early: the write happened, the
// acknowledgement never came. The others are forwarded unchanged.
import { once } from 'node:events';
import http from 'node:http';
import { endToEndHeaders } from './end-to-end-headers.mjs';

/**
 * Starts the proxy on a port the system picks, in front of `targetUrl`. Of the requests that
 * `matches` accepts, every `dropEvery`-th one (the 3rd, 6th, 9th… when 3) loses its answer:
 * deterministic, so a failure replays the same way.
 */
export async function startDroppingProxy(targetUrl, { dropEvery, matches = () => true }) {
  if (!Number.isInteger(dropEvery) || dropEvery < 1) throw new Error(`dropEvery must be a whole number from 1, got ${dropEvery}`);
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true });
  const counts = { matched: 0, dropped: 0, forwarded: 0 };
  const server = http.createServer((request, response) => {
    const drop = matches(request) && ++counts.matched % dropEvery === 0;
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: endToEndHeaders(request.headers), agent },
      (answer) => {
        const chunks = [];
        answer.on('data', (chunk) => chunks.push(chunk));
        answer.on('end', () => {
          if (drop) {
            counts.dropped += 1;
            response.socket?.destroy();
            return;
          }
          counts.forwarded += 1;
          response.writeHead(answer.statusCode ?? 502, endToEndHeaders(answer.headers));
          response.end(Buffer.concat(chunks));
        });
      },
    );
    upstream.on('error', () => response.socket?.destroy());
    request.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** How many requests `matches` accepted, how many answers were dropped, how many passed on. */
    counts: () => ({ ...counts }),
    async close() {
      server.closeAllConnections();
      server.close();
      agent.destroy();
      await once(server, 'close');
    },
  };
}
