import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  PasswordServiceClientCredentialFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { TeamsBot } from './bot';

/** Microsoft's published Bot Framework key set; tests and stand-ins serve their own. */
export const MICROSOFT_OPENID_METADATA_URL = AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
export const BOT_FRAMEWORK_ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;

export interface TeamsAuthConfig {
  /** TEAMS_APP_ID: the Azure Bot's app id, the audience every inbound token must carry. */
  appId?: string | undefined;
  /** The app secret: from the environment locally, Secrets Manager on AWS. */
  appPassword?: string | undefined;
  tenantId?: string | undefined;
  /** TEAMS_OPENID_METADATA_URL: where the signing keys are published. */
  openIdMetadataUrl?: string | undefined;
  /** Unauthenticated (Bot Framework Emulator) mode: local development only. */
  emulator?: boolean | undefined;
  /**
   * How the bot gets its own token for replies. Default: the SDK's MSAL client against
   * Microsoft Entra ID. Local development and stand-in connectors pass their own.
   */
  outbound?: ServiceClientCredentialsFactory | undefined;
}

/**
 * The Bot Framework adapter, configured, never hand-rolled: botbuilder validates every
 * inbound JWT (issuer, audience = app id, expiry, signing key from the OpenID metadata with
 * the channel's endorsement) before the bot sees the activity, and replies to its serviceUrl.
 */
export class TeamsAdapter extends CloudAdapter {
  /** The SDK's processActivity (authenticate, then run the bot), for runtimes that parse HTTP themselves. */
  answer(authorization: string, activity: Activity, bot: TeamsBot) {
    return this.processActivity(authorization, activity, bot);
  }
}

export function createTeamsAdapter(config: TeamsAuthConfig): TeamsAdapter {
  if (config.emulator && (config.appId || config.appPassword)) {
    throw new Error(
      'Teams emulator mode is unauthenticated: it is refused when TEAMS_APP_ID or a secret is configured.',
    );
  }
  if (!config.emulator && !config.appId) {
    throw new Error('TEAMS_APP_ID is required: every Teams activity is authenticated.');
  }
  const appId = config.emulator ? '' : (config.appId ?? '');
  const credentials =
    config.outbound ??
    new PasswordServiceClientCredentialFactory(appId, config.appPassword ?? '', config.tenantId ?? '');
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: appId,
      ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
      ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl ?? MICROSOFT_OPENID_METADATA_URL,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK_ISSUER,
    },
    credentials,
  );
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    console.error('Teams turn failed:', error);
    await context.sendActivity('Sorry, that did not work just now. Nothing was changed; please try again.');
  };
  return adapter;
}

export interface TeamsHttpRequest {
  method: string;
  headers: Record<string, string | undefined>;
  body: unknown;
}

export interface TeamsHttpResponse {
  status: number;
  body?: string;
}

/** jsonwebtoken's refusals (a bad signature, an expired or not-yet-valid token): also a 401. */
const TOKEN_REFUSALS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * One POST to /api/messages, from any HTTP runtime (the local server, a Lambda Function URL).
 * The SDK authenticates the request before the bot runs; a refused token is a 401, whichever
 * check refused it (the SDK's own process() answers some of them 500).
 */
export async function handleTeamsRequest(
  adapter: TeamsAdapter,
  bot: TeamsBot,
  request: TeamsHttpRequest,
): Promise<TeamsHttpResponse> {
  if (request.method !== 'POST') return { status: 405 };
  const activity = request.body as Partial<Activity> | undefined;
  if (typeof activity !== 'object' || activity === null || typeof activity.type !== 'string') {
    return { status: 400, body: 'Not a Bot Framework activity.' };
  }
  const authorization = request.headers.authorization ?? request.headers.Authorization ?? '';
  try {
    const invoke = await adapter.answer(authorization, activity as Activity, bot);
    return {
      status: invoke?.status ?? 200,
      ...(invoke?.body !== undefined ? { body: JSON.stringify(invoke.body) } : {}),
    };
  } catch (error) {
    const name = (error as Error)?.name ?? '';
    if (error instanceof AuthenticationError || TOKEN_REFUSALS.has(name)) {
      return { status: 401, body: 'Unauthorized' };
    }
    console.error('Teams activity failed:', error);
    return { status: 500 };
  }
}
