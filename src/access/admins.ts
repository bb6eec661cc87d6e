import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../store/keys';

/**
 * Who administers an IJB's register in Slack: the user ids configured at deploy time
 * (DIRECTIONS_ADMINS), plus those an admin has added since (kept in the table). Admins are
 * per IJB: an admin of Midlothian has no rights over East Lothian's directions. Checked
 * before any write that only admins may make, against the IJB of what is written.
 */
export interface AdminDirectory {
  isAdmin(ijbId: string, userId: string): Promise<boolean>;
  list(ijbId: string): Promise<string[]>;
  /** Adds `userId` as an admin of the IJB; `addedBy` must already be one. */
  add(ijbId: string, userId: string, addedBy: string, at: Date): Promise<void>;
  /** Removes an admin added in Slack; `removedBy` must be one, and the IJB keeps at least one. */
  remove(ijbId: string, userId: string, removedBy: string): Promise<void>;
}

export class NotAnAdminError extends Error {
  override name = 'NotAnAdminError';
}

/** Why an admin cannot be removed: the last one, or one set in DIRECTIONS_ADMINS (not removable in Slack). */
export class AdminRemovalError extends Error {
  override name = 'AdminRemovalError';
  constructor(
    readonly why: 'last-admin' | 'configured' | 'not-an-admin',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Which configured admins belong to which IJB. An entry is a Slack user id, an admin of the
 * workspace's own IJB (DIRECTIONS_IJB), or `ijb:user` (`east-lothian:U123`) to name another.
 */
export function configuredAdminsByIjb(
  entries: readonly string[],
  defaultIjbId: string,
): ReadonlyMap<string, readonly string[]> {
  const byIjb = new Map<string, string[]>();
  for (const entry of entries) {
    // A Teams user (`aad:<object id>`) has a colon of its own: it is not an IJB's name.
    const teamsUser = /(?:^|:)(aad:[0-9a-f-]+)$/i.exec(entry)?.[1];
    const at = teamsUser ? entry.length - teamsUser.length - 1 : entry.lastIndexOf(':');
    const ijbId = at > 0 ? entry.slice(0, at) : defaultIjbId;
    const userId = at > 0 ? entry.slice(at + 1) : entry;
    byIjb.set(ijbId, [...new Set([...(byIjb.get(ijbId) ?? []), userId])]);
  }
  return byIjb;
}

export function createAdminDirectory(
  db: DynamoDBDocumentClient,
  tableName: string,
  configuredEntries: readonly string[],
  defaultIjbId: string,
): AdminDirectory {
  const configured = configuredAdminsByIjb(configuredEntries, defaultIjbId);
  const configuredFor = (ijbId: string) => configured.get(ijbId) ?? [];
  const added = async (ijbId: string): Promise<string[]> => {
    const { pk, skPrefix } = keys.adminPrefix(ijbId);
    const { Items = [] } = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      }),
    );
    return Items.map((item) => String(item.userId));
  };
  const list = async (ijbId: string) => [...new Set([...configuredFor(ijbId), ...(await added(ijbId))])];
  const isAdmin = async (ijbId: string, userId: string) =>
    configuredFor(ijbId).includes(userId) || (await added(ijbId)).includes(userId);

  return {
    list,
    isAdmin,
    async add(ijbId, userId, addedBy, at) {
      if (!(await isAdmin(ijbId, addedBy)))
        throw new NotAnAdminError(`${addedBy} is not an admin of ${ijbId}`);
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.admin(ijbId, userId), type: 'Admin', userId, addedBy, addedAt: at.toISOString() },
        }),
      );
    },
    async remove(ijbId, userId, removedBy) {
      const admins = await list(ijbId);
      if (!admins.includes(removedBy)) throw new NotAnAdminError(`${removedBy} is not an admin of ${ijbId}`);
      if (!admins.includes(userId))
        throw new AdminRemovalError('not-an-admin', `${userId} is not an admin of ${ijbId}`);
      if (configuredFor(ijbId).includes(userId))
        throw new AdminRemovalError('configured', `${userId} is set in DIRECTIONS_ADMINS`);
      if (admins.length <= 1)
        throw new AdminRemovalError('last-admin', `${userId} is the last admin of ${ijbId}`);
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.admin(ijbId, userId) }));
    },
  };
}
