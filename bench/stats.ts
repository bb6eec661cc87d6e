/** Small statistics for benchmark samples, in milliseconds. */
export interface Summary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    count: sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    mean: sorted.reduce((total, value) => total + value, 0) / Math.max(1, sorted.length),
  };
}

export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

export function row(label: string, summary: Summary): string {
  return `  ${label.padEnd(44)} p50 ${ms(summary.p50).padStart(9)}  p90 ${ms(summary.p90).padStart(9)}  p99 ${ms(summary.p99).padStart(9)}  (n=${summary.count})`;
}
