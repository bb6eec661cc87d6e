import { type Agent, request as httpRequest } from 'node:http';
import { slackSignatureHeaders } from '../src/slack/signature';

export interface Posted {
  ms: number;
  body: string;
}

/**
 * POSTs a body to /slack/events on loopback, signed as Slack signs it, over a kept-alive
 * agent; resolves with the time to the whole answer and its text.
 */
export function signedPoster(secret: string, agent: Agent) {
  return (port: number, body: string, type = 'application/x-www-form-urlencoded') =>
    new Promise<Posted>((resolve, reject) => {
      const started = performance.now();
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/slack/events',
          method: 'POST',
          agent,
          headers: {
            'content-type': type,
            'content-length': Buffer.byteLength(body),
            ...slackSignatureHeaders(secret, body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () =>
            res.statusCode === 200
              ? resolve({ ms: performance.now() - started, body: text })
              : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
