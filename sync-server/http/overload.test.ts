import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { installOverloadGuard } from './overload';

const app = Fastify();
const waiting: (() => void)[] = [];
const release = () => waiting.splice(0).forEach((resolve) => resolve());
installOverloadGuard(app, { prefix: '/api/sync/', maxInFlight: 2, retryAfterSeconds: 7 });
app.get(
  '/api/sync/slow',
  () => new Promise((resolve) => waiting.push(() => resolve({ ok: true }))),
);
app.get('/api/other', () => ({ ok: true }));
afterEach(() => release());

describe('overload guard', () => {
  it('answers 429 with Retry-After past the limit, and takes requests again once one ends', async () => {
    const first = app.inject({ method: 'GET', url: '/api/sync/slow' });
    const second = app.inject({ method: 'GET', url: '/api/sync/slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const turnedAway = await app.inject({ method: 'GET', url: '/api/sync/slow' });
    expect(turnedAway.statusCode).toBe(429);
    expect(turnedAway.headers['retry-after']).toBe('7');
    expect(turnedAway.json()).toMatchObject({ error: { code: 'OVERLOADED' } });
    // Other routes are not counted.
    expect((await app.inject({ method: 'GET', url: '/api/other' })).statusCode).toBe(200);
    release();
    await Promise.all([first, second]);
    const again = app.inject({ method: 'GET', url: '/api/sync/slow' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    expect((await again).statusCode).toBe(200);
  });
});
