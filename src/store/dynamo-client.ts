import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoSettings {
  region: string;
  /** Unset means real DynamoDB; set for dynalite or any DynamoDB-compatible endpoint. */
  endpoint?: string;
  /** Seconds a request may take before the SDK gives up on it (Slack allows 3 s in all). */
  requestTimeoutMs?: number;
  maxAttempts?: number;
}

export function createDocumentClient(settings: DynamoSettings): DynamoDBDocumentClient {
  const config: DynamoDBClientConfig = {
    region: settings.region,
    maxAttempts: settings.maxAttempts ?? 3,
    requestHandler: { requestTimeout: settings.requestTimeoutMs ?? 1_000, connectionTimeout: 1_000 },
  };
  if (settings.endpoint) {
    config.endpoint = settings.endpoint;
    // dynalite checks no signature; real DynamoDB at a custom endpoint takes the usual credential chain.
    if (isLoopback(settings.endpoint))
      config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]';
}
