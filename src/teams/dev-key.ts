import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { ServiceClientCredentialsFactory } from 'botframework-connector';

/**
 * DEVELOPMENT ONLY. A key pair committed on purpose so `npm start` and `npm run chat -- --teams`
 * (two processes) agree on it: the local server trusts it only when no TEAMS_APP_ID is set and
 * Slack runs on the development secret (src/local/server.ts), never on AWS (the Lambda requires
 * TEAMS_APP_ID and takes Microsoft's key set or TEAMS_OPENID_METADATA_URL).
 */
const DEV_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEuwIBADANBgkqhkiG9w0BAQEFAASCBKUwggShAgEAAoIBAQCxN+kH/dxBFlp6
/8RGLgkbrnMK5t5i5leH7E8WHJikhhUzcojPKqZWgguZIYpqgG9ANGMz3ktCzJmE
D8jlq1iZ4Mz9liEYIEZXMwoiwggJW4mYNA7i7augKMDul3dTB+nXXHZzl3dbWZ0d
W1yMG+ittBvRu7OxT0AXkyraAB3Wayh83o5aVTCtDTVGi45BJ8ZEijL0tabVtFW6
1ibQKRU/DyDVnyQehyWlyU6O8piQbprg4esjsawbRK4I/2ZM7zciD9LDXwamvLm9
kSXmGlC3Xy9YpcXY1nv040MSSt4LmvvBIA+RbjwGSCVzIO+xSm53MQAdxqm1gi+M
U7gDwaVDAgMBAAECgf9H/m6s0HSp/GrFjSIvYIRSuowB4ch2ZR0qGtYGJZfdPpte
SylJAAqTGkGb9ARHP+XyL1YdvDDW8kdrXv4+T12vJaQhYNwQ8QuiYRm9BRY+tvEu
4/coOWV/qw613tKa6JwW4Xk9fEsA0WcChhsS0EO2TXT/v0FAxvFCoobGCUYV1MPb
M7hnIjsxX0OU3vWc39s9tzzShHItb0oxJ/CFslri9vIUlSop7Aflt4cjTGiUTVpS
bciWUeQ38RqNMcUWZcRFmVFtsSl0D8aC06yLD49yEiXDRZ6oZNAruTi+Vk+0pkP+
+U+72ZjwJBtLxOjkieF7X/Z5o8JA+Ow3De2PC0ECgYEA9QWA7qcD/WFPjJzkOKgt
Cm2QGPNeLp/FHXMBxnVJE4Ocxmr20g1qGAXlTB24DfJ1EsRStQJCPCBK8y5VluhP
0t3lj/DmKzk7cRPQS50zxG8C3LsG6Zfler77KNGOpVG7wgvhwdhKiRwPg/n7I6yU
KD4AUJI3G/mYzsgGqPs2Qv0CgYEAuSitb3E3Bi8tw9qNYy0Up9z0ABC2zx2c1rzi
0mCxiiSBiRM0BmIhf0zRu2pFgRJhFVgsfXnLzDGKKt7aP+4OhRR+9nJyexHguHv2
jRDwI6bOjhogYVmF/9IfwHzl7sZGrkXieEn5CZcsNo0lSmObwT/yDXPshCZrZ7Cq
PsE6nT8CgYA4keO5te/S4VO3eEWs2w9DGBar3AyDoTmmWfYv9sY/biSVHv8LcjNr
hnjxQO9MsQzcn10lE3dtYFtNmAYEyHAdlEO7HvhVRGp36gYuXwYjtSmpArlO11YR
J+TfALr5akx6OboOwjw7ObJPWzjjfKXcQKxb7dYxbEgefcoj25QklQKBgQCg91n/
ff8F41H36DHuPCyu2glNXTpvyCCnFkJh/imaHK54Cje6LOlOD+xs77BIyz+XHLZg
xteDRrYFGwPFfCEnVHAjs88OarZf63SlokoB1GvRYakwuHEjuvpbjrkd4UVlD+AY
DsbvrXqEWiRHDV1EnWDCjTraj8PjutPmBnn8ZQKBgHNF5N3UiotdFFe0IGJAHybt
HHtLmrz0aP856LJsgRePMLRGguwaB+RY+vpuZ/ep88xTE3h4ZOLpPPE1D78u0ytI
RD9e1PEtTvYLgo2DBM18oF4JOWqGi/0QFTJC45qafg+3IwrhZPxfKmAKBtCpPv3U
8LTCScNjQBbBqHJfU3ep
-----END PRIVATE KEY-----`;

export const DEV_TEAMS_APP_ID = 'local-dev-teams-app';
export const DEV_KEY_ID = 'ijb-directions-local-dev';
export const DEV_ISSUER = 'https://api.botframework.com';

/** The dev key set's JWKS (with the channel endorsement the SDK checks). */
export function devJwks() {
  const jwk = createPublicKey(createPrivateKey(DEV_PRIVATE_KEY)).export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: DEV_KEY_ID, use: 'sig', endorsements: ['msteams'] }] };
}

/** A Bot Framework-shaped token signed with the dev key, for the terminal chat. */
export function devToken(serviceUrl: string, now = Math.floor(Date.now() / 1000)): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = part({ alg: 'RS256', typ: 'JWT', kid: DEV_KEY_ID });
  const body = part({
    iss: DEV_ISSUER,
    aud: DEV_TEAMS_APP_ID,
    iat: now,
    nbf: now,
    exp: now + 3600,
    serviceurl: serviceUrl,
  });
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${body}`), createPrivateKey(DEV_PRIVATE_KEY));
  return `${header}.${body}.${signature.toString('base64url')}`;
}

/** DEVELOPMENT ONLY: the bot's reply token when the "connector" is the terminal chat. */
export class DevCredentials extends ServiceClientCredentialsFactory {
  async isValidAppId(appId: string) {
    return appId === DEV_TEAMS_APP_ID;
  }
  async isAuthenticationDisabled() {
    return false;
  }
  async createCredentials() {
    return {
      signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(resource: T) => {
        resource.headers.set('authorization', 'Bearer local-development');
        return resource;
      },
    };
  }
}
