// Timing helpers for benchmarks: each sample is one call, timed with the monotonic clock.

export type Summary = { n: number; p50: number; p95: number; max: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Milliseconds taken by each call of `run` over `inputs`, after `warmUp` untimed calls. */
export function timeEach<T>(
  inputs: readonly T[],
  run: (input: T) => unknown,
  warmUp = 10,
): number[] {
  for (const input of inputs.slice(0, warmUp)) run(input);
  return inputs.map((input) => {
    const start = process.hrtime.bigint();
    run(input);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
}

export const ms = (value: number) => (value < 10 ? value.toFixed(3) : value.toFixed(1)).padStart(8);
