import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Logger as BoltLogger, LogLevel as BoltLogLevel } from '@slack/bolt';
import type { ProductMetrics } from '../work/metrics';

/** The CloudWatch namespace every function publishes to; the alarms read it (cdk/constructs/alarms.ts). */
export const METRICS_NAMESPACE = 'IjbDirections';
export const ACK_LATENCY_METRIC = 'AckLatency';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
  /** The product's counters, on this function's metrics. */
  productMetrics: ProductMetrics;
  /** Bolt's log lines, as structured Powertools lines with the request's correlation id. */
  boltLogger: BoltLogger;
}

/**
 * Structured JSON logs and CloudWatch metrics (embedded metric format: printed, not sent, so
 * no network call). One per function, built at cold start.
 */
export function createObservability(service: string, logLevel: string): Observability {
  const logger = new Logger({ serviceName: service, logLevel: logLevel.toUpperCase() as 'INFO' });
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service });
  return {
    logger,
    metrics,
    productMetrics: { count: (name, value = 1) => metrics.addMetric(name, MetricUnit.Count, value) },
    boltLogger: boltLoggerOn(logger),
  };
}

function boltLoggerOn(logger: Logger): BoltLogger {
  let level = 'info' as BoltLogLevel;
  // Errors go as Powertools extra input so their name, message and stack stay fields.
  const emit =
    (write: (message: string, error?: Error) => void) =>
    (...parts: unknown[]) => {
      const errors = parts.filter((part): part is Error => part instanceof Error);
      const text = parts
        .filter((part) => !(part instanceof Error))
        .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
        .join(' ');
      write(text || (errors[0]?.message ?? ''), errors[0]);
    };
  return {
    debug: emit((message, error) => (error ? logger.debug(message, error) : logger.debug(message))),
    info: emit((message, error) => (error ? logger.info(message, error) : logger.info(message))),
    warn: emit((message, error) => (error ? logger.warn(message, error) : logger.warn(message))),
    error: emit((message, error) => (error ? logger.error(message, error) : logger.error(message))),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
