/** Small timing helpers for the benchmark (wall clock, percentiles). */
export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes and covers every thread of the process
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
