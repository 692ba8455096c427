import type { FastifyServerOptions } from 'fastify';

export interface LogOptions {
  level?: string;
  /** Where the JSON lines go; stdout when left out. */
  stream?: NodeJS.WritableStream;
}

/**
 * Plain JSON lines (pipe them to pino-pretty when reading by hand). A request is logged by method
 * and URL only: the default serializer would add the client's IP address and port, which this
 * server promises never to keep.
 */
export function loggerOptions({ level = 'info', stream }: LogOptions): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
    },
  };
}
