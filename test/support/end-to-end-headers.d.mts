import type { IncomingHttpHeaders } from 'node:http';

/** `headers` without the hop-by-hop ones (connection, keep-alive, transfer-encoding…). */
export function endToEndHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders;
