/**
 * What the product counts, whatever it runs on. On AWS these become CloudWatch metrics
 * (Powertools, src/aws/observability.ts) with alarms on them; locally they are dropped.
 * Capabilities count through CapabilityDeps.metrics.
 */
export type ProductMetricName = 'UpdatesSaved' | 'NudgesSent' | 'NudgesFailed' | 'JobsFailed';

export interface ProductMetrics {
  count(name: ProductMetricName, value?: number): void;
}

export const uncountedMetrics: ProductMetrics = { count() {} };
