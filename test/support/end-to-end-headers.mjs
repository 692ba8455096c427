// What a proxy passes on of a request's or a response's headers.

// Hop-by-hop headers belong to one connection, the client's, not to the one towards a backend.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/** `headers` (node:http's, lower-case names) without the hop-by-hop ones. */
export const endToEndHeaders = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
