// Capped exponential backoff with full jitter: a hundred tills coming back after a blackout
// must not hammer the server in step.
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const base = 2_000;
  const cap = 5 * 60_000;
  const ceiling = Math.min(cap, base * 2 ** Math.min(failures, 20));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
