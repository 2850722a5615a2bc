/**
 * Which database this process uses, from its environment: PostgreSQL when DATABASE_URL is a
 * postgres:// (or postgresql://) URL, else SQLite at DATABASE_PATH. The server reads these
 * through astro:env, the CLI through process.env; both end here, with the same defaults.
 */

export type DatabaseConfig =
  | { engine: 'sqlite'; path: string; busyTimeoutMs: number }
  | {
      engine: 'postgres';
      url: string;
      poolSize: number;
      connectTimeoutMs: number;
      statementTimeoutMs: number;
    };

export interface DatabaseSettings {
  DATABASE_URL?: string | undefined;
  DATABASE_PATH?: string | undefined;
  DATABASE_POOL_SIZE?: number | string | undefined;
  DATABASE_CONNECT_TIMEOUT_MS?: number | string | undefined;
  DATABASE_STATEMENT_TIMEOUT_MS?: number | string | undefined;
  DATABASE_BUSY_TIMEOUT_MS?: number | string | undefined;
}

export const DEFAULT_DATABASE_PATH = 'data/botcamp.db';

function positive(value: number | string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive whole number, not "${value}".`);
  return n;
}

/**
 * @example databaseConfig({}) // { engine: 'sqlite', path: 'data/botcamp.db', busyTimeoutMs: 5000 }
 * @example databaseConfig({ DATABASE_URL: 'postgres://botcamp@db/botcamp' }).engine // 'postgres'
 */
export function databaseConfig(env: DatabaseSettings): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url))
      throw new Error(
        'DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use SQLite at DATABASE_PATH).',
      );
    return {
      engine: 'postgres',
      url,
      poolSize: positive(env.DATABASE_POOL_SIZE, 10, 'DATABASE_POOL_SIZE'),
      connectTimeoutMs: positive(
        env.DATABASE_CONNECT_TIMEOUT_MS,
        5_000,
        'DATABASE_CONNECT_TIMEOUT_MS',
      ),
      statementTimeoutMs: positive(
        env.DATABASE_STATEMENT_TIMEOUT_MS,
        15_000,
        'DATABASE_STATEMENT_TIMEOUT_MS',
      ),
    };
  }
  return {
    engine: 'sqlite',
    path: env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH,
    busyTimeoutMs: positive(env.DATABASE_BUSY_TIMEOUT_MS, 5_000, 'DATABASE_BUSY_TIMEOUT_MS'),
  };
}

/**
 * Where the data is, for logs: never the password.
 * @example describeDatabase(databaseConfig({ DATABASE_URL: 'postgres://app:secret@db.example.org:5432/botcamp' })) // "PostgreSQL at db.example.org:5432/botcamp (user app)"
 */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'sqlite') return `SQLite at ${config.path}`;
  try {
    const u = new URL(config.url);
    const user = u.username ? ` (user ${decodeURIComponent(u.username)})` : '';
    return `PostgreSQL at ${u.host || 'localhost'}${u.pathname}${user}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL could not be parsed)';
  }
}
