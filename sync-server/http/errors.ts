import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, HTTP_STATUS, type ApiError } from '../../shared/contract/result';

// Every error leaves the server as { error: { code, message, field? } } with a matching status.
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(HTTP_STATUS[error.code]).send({ error: error.toApiError() });
    }
    if ('validation' in error && error.validation) {
      return reply
        .status(400)
        .send({ error: { code: 'INVALID_INPUT', message: error.message } satisfies ApiError });
    }
    if (error.statusCode && error.statusCode < 500) {
      const apiError: ApiError = { code: 'INVALID_INPUT', message: error.message };
      return reply.status(error.statusCode).send({ error: apiError });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on the server.',
      } satisfies ApiError,
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'NOT_FOUND',
        message: `No route ${request.method} ${request.url}`,
      } satisfies ApiError,
    }),
  );
}
