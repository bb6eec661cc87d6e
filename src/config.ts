import { TZDate } from '@date-fns/tz';
import * as z from 'zod';
import { IjbIdSchema } from './domain/direction';
import { LONDON, type LocalDate, LocalDateSchema, londonDay } from './domain/local-date';
import { DEFAULT_TABLE_NAME } from './store/table';

/**
 * The signing secret used when none is set, so `npm start` and `npm run chat` agree out of
 * the box. It is public (it is in this file and the README): never use it with a real workspace.
 */
export const DEVELOPMENT_SIGNING_SECRET = 'ijb-directions-local-development-secret';

/**
 * The Slack user `npm run chat` speaks as. Offline (the development secret, no admins set) it
 * is the IJB admin, so a newcomer can try every command; never with a real workspace.
 */
export const LOCAL_USER_ID = 'U0LOCAL';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = optionalText.pipe(
  z.url({ message: 'must be a URL like http://localhost:8000' }).optional(),
);

/**
 * DIRECTIONS_ADMINS: Slack user ids, comma-separated (also read by the Lambda functions). A bare
 * id is an admin of the workspace's IJB (DIRECTIONS_IJB) only; `east-lothian:U012ABCDEF` names
 * another IJB. No entry makes anyone an admin of every IJB.
 */
export const AdminIdsSchema = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^(?:[a-z][a-z0-9-]{2,40}:)?(?:[UW][A-Z0-9]{2,}|aad:[0-9a-f-]{8,})$/,
          'must be Slack user ids like U012ABCDEF (or east-lothian:U012ABCDEF for another IJB), comma-separated',
        ),
    ),
  );

const ConfigSchema = z.object({
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65_535).default(3000),
  /** Where `npm start` listens: this machine only, unless told otherwise. */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('.data'),
  TABLE_NAME: z.string().min(3).max(255).default(DEFAULT_TABLE_NAME),
  AWS_REGION: z.string().min(1).default('eu-west-2'),
  AWS_ENDPOINT_URL_DYNAMODB: optionalUrl,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith('xoxb-', { message: 'must be a bot token starting xoxb-' }).optional(),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith('xapp-', { message: 'must be an app-level token starting xapp-' }).optional(),
  ),
  SLACK_BOT_ID: optionalText,
  SLACK_BOT_USER_ID: optionalText,
  SLACK_API_URL: optionalUrl,
  DIRECTIONS_IJB: IjbIdSchema.default('midlothian'),
  /** Slack user ids of the first IJB admins, comma-separated; more are added in Slack. */
  DIRECTIONS_ADMINS: AdminIdsSchema,
  /** Microsoft Teams: the Azure Bot's app id; with it, every activity's JWT is checked. */
  TEAMS_APP_ID: optionalText,
  TEAMS_APP_PASSWORD: optionalText,
  TEAMS_TENANT_ID: optionalText,
  /** Where the Bot Framework signing keys are published (default: Microsoft's). */
  TEAMS_OPENID_METADATA_URL: optionalUrl,
  /** 1: Teams without authentication, for the Bot Framework Emulator; refused beside TEAMS_APP_ID. */
  TEAMS_EMULATOR: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Runs the product as on this day (YYYY-MM-DD), at today's Europe/London time of day. */
  DIRECTIONS_TODAY: optionalText.pipe(LocalDateSchema.optional()),
  /** Where people open the web register (share links point here); http://localhost:PORT when unset. */
  PUBLIC_URL: optionalUrl,
  /** The HMAC key of the web register's share links; a development default when unset. */
  SHARE_LINK_SECRET: optionalText,
  /** Requests per minute each API key may make (fixed window, counted in the table). */
  API_RATE_LIMIT: z.coerce
    .number({ message: 'must be a number of requests per minute' })
    .int()
    .min(1)
    .default(600),
  /** How long a checked API key is trusted before the table is asked again (revocation bound); 0 = every request. */
  API_KEY_TRUST_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int()
    .min(0)
    .max(60)
    .default(5),
});

export type Config = z.infer<typeof ConfigSchema> & {
  signingSecret: string;
  usingDevelopmentSecret: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once, at start-up. A bad value stops start-up naming the variable and the fix. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const shown = /SECRET|TOKEN/.test(name) ? 'a value, hidden here' : JSON.stringify(env[name] ?? '');
      return `  ${name}: ${issue.message} (got ${shown})`;
    });
    throw new ConfigError(`Configuration is not valid:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  const usingDevelopmentSecret = config.SLACK_SIGNING_SECRET === undefined;
  // The development secret is public, and offline the chat's user is admin: anyone who can
  // reach the port could sign requests as that admin. So it never listens beyond this machine.
  if (usingDevelopmentSecret && !isLoopback(config.HOST)) {
    throw new ConfigError(
      `Configuration is not valid:\n  HOST: ${JSON.stringify(config.HOST)} is reachable from other machines, and no SLACK_SIGNING_SECRET is set (the development secret is public). Set SLACK_SIGNING_SECRET, or leave HOST unset to listen on 127.0.0.1 only.`,
    );
  }
  return {
    ...config,
    DIRECTIONS_ADMINS:
      usingDevelopmentSecret && config.DIRECTIONS_ADMINS.length === 0
        ? [LOCAL_USER_ID]
        : config.DIRECTIONS_ADMINS,
    signingSecret: config.SLACK_SIGNING_SECRET ?? DEVELOPMENT_SIGNING_SECRET,
    usingDevelopmentSecret,
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** How a client on this machine reaches the server bound to HOST (a wildcard address is reached on loopback). */
export function localUrl(config: Pick<Config, 'HOST' | 'PORT'>, path: string, port = config.PORT): string {
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}${path}`;
}

/**
 * The product's clock: the real one, or — with DIRECTIONS_TODAY — the same Europe/London time
 * of day on that date, so the shipped 2023-24 register can be seen as officers saw it.
 */
export function productClock(config: Pick<Config, 'DIRECTIONS_TODAY'>): () => Date {
  const day = config.DIRECTIONS_TODAY;
  if (!day) return () => new Date();
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return () => {
    const now = new TZDate(Date.now(), LONDON);
    return new Date(
      new TZDate(
        year,
        month - 1,
        date,
        now.getHours(),
        now.getMinutes(),
        now.getSeconds(),
        now.getMilliseconds(),
        LONDON,
      ).getTime(),
    );
  };
}

/** One line for a start-up banner: which day the product is using, and how to change it. */
export function todayLine(config: Pick<Config, 'DIRECTIONS_TODAY'>, clock: () => Date): string {
  const day: LocalDate = londonDay(clock());
  return config.DIRECTIONS_TODAY
    ? `  Today           ${day}, from DIRECTIONS_TODAY (unset it to use the real date)`
    : `  Today           ${day} (run as on another day: DIRECTIONS_TODAY=2023-11-20 npm start)`;
}
