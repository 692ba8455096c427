// The smallest load balancer that shows several instances at work: node:http, each request to the
// next backend in turn, kept-alive connections to them. Plain forwarding, no retries, no health
// checks; a real deployment uses its platform's balancer (nginx, HAProxy, a cloud one).
import { once } from 'node:events';
import http from 'node:http';
import { endToEndHeaders } from '../../test/support/end-to-end-headers.mjs';

/** Starts the proxy on a port the system picks; resolves with its URL and `close()`. */
export async function startRoundRobinProxy(backendUrls) {
  const targets = backendUrls.map((url) => new URL(url));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = http.createServer((request, response) => {
    const target = targets[next++ % targets.length];
    const headers = endToEndHeaders(request.headers);
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers, agent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, endToEndHeaders(answer.headers));
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async close() {
      server.closeAllConnections();
      server.close();
      agent.destroy();
    },
  };
}
