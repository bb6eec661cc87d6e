import { randomUUID } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AwsLambdaReceiver } from '@slack/bolt';
import { buildLambdaProduct } from '../product/lambda-product';
import type { SlackProduct } from '../product/slack-product';
import { checkSlackRequest } from '../slack/request-gate';
import { createInProcessQueue, type JobQueue } from '../work/job-queue';
import type { LambdaEnv } from './lambda-config';
import { ACK_LATENCY_METRIC, type Observability } from './observability';
import type { SlackSecrets } from './slack-secrets';

/** Bolt's own handler type: an API Gateway or Function URL event in, an HTTP response out. */
export type LambdaHandler = ReturnType<AwsLambdaReceiver['toHandler']>;
type LambdaEvent = Parameters<LambdaHandler>[0];

export interface SlackLambdaDeps {
  env: LambdaEnv;
  secrets: SlackSecrets;
  db: DynamoDBDocumentClient;
  observability: Observability;
  /** Where deferred jobs go: the worker function on AWS. Run in this process when absent (tests). */
  queue?: JobQueue;
  clock?: () => Date;
  /** Share links to the web register: its signing key (Secrets Manager) and public URL. */
  web?: { shareSecret: string; publicUrl: string };
}

/**
 * The Slack ingress as a Lambda handler: Bolt's AwsLambdaReceiver (which verifies every
 * signature) in front of the same product the local server runs. Each request gets a
 * correlation id on every log line and its ack latency as a metric.
 */
export async function createSlackLambdaHandler(deps: SlackLambdaDeps): Promise<LambdaHandler> {
  const { env, secrets, observability } = deps;
  const { logger, metrics } = observability;
  const clock = deps.clock ?? (() => new Date());
  const receiver = new AwsLambdaReceiver({
    signingSecret: secrets.signingSecret,
    logger: observability.boltLogger,
  });
  let product: SlackProduct | undefined;
  const queue =
    deps.queue ??
    createInProcessQueue(
      () => product?.jobHandlers ?? {},
      (job, error) => logger.error(`Deferred job ${job.kind} failed`, error as Error),
    );
  product = buildLambdaProduct({
    env,
    secrets,
    db: deps.db,
    observability,
    receiver: receiver,
    queue,
    clock,
    ...(deps.web ? { web: deps.web } : {}),
  });
  const handle = await receiver.start();
  metrics.captureColdStartMetric();
  return async (event, context) => {
    const started = performance.now();
    logger.setCorrelationId(event.requestContext?.requestId ?? randomUUID());
    if (isLambdaContext(context)) logger.addContext(context);
    try {
      const decoded = decodeBody(event);
      const verdict = checkSlackRequest(requestParts(decoded), secrets.signingSecret);
      if (!verdict.ok) {
        logger.warn('Refused a Slack request', { status: verdict.status, reason: verdict.reason });
        return { statusCode: verdict.status, body: '' };
      }
      return await handle(decoded, context);
    } finally {
      metrics.addMetric(ACK_LATENCY_METRIC, MetricUnit.Milliseconds, performance.now() - started);
      metrics.publishStoredMetrics();
    }
  };
}

/**
 * Bolt decodes base64 bodies as ASCII, which garbles UTF-8 (a "café" in an event body fails
 * the signature check). Decode as UTF-8 first and hand Bolt the text.
 */
function decodeBody(event: LambdaEvent): LambdaEvent {
  if (!event.isBase64Encoded || !event.body) return event;
  return { ...event, body: Buffer.from(event.body, 'base64').toString('utf8'), isBase64Encoded: false };
}

/** The parts of a Function URL event the request gate reads; header names are lower-case there, but not in every test. */
function requestParts(event: LambdaEvent) {
  const headers = Object.fromEntries(
    Object.entries((event.headers ?? {}) as Record<string, string | undefined>).map(([name, value]) => [
      name.toLowerCase(),
      value,
    ]),
  );
  return {
    rawBody: event.body ?? '',
    contentType: headers['content-type'],
    timestamp: headers['x-slack-request-timestamp'],
    signature: headers['x-slack-signature'],
  };
}

export function isLambdaContext(
  context: unknown,
): context is Parameters<Observability['logger']['addContext']>[0] {
  return typeof (context as { awsRequestId?: unknown })?.awsRequestId === 'string';
}
