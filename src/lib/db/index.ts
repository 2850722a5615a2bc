import { bindSchema } from '../../../db/schema.ts';
import { databaseConfig, type DatabaseConfig } from './config.ts';
import { openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';
import type { Db } from './types.ts';

export type { Db, Durability, Query, Reader } from './types.ts';
export { databaseConfig, describeDatabase, type DatabaseConfig } from './config.ts';
export { preparedRead } from './prepared.ts';
export {
  DatabaseTooNewError,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  isUniqueViolation,
} from './errors.ts';

/**
 * Opens the database a config (or a SQLite path, or a postgres:// URL) names, applies pending
 * migrations, and points the table bindings of db/schema.ts at its engine.
 * @example const db = await openDatabase(':memory:');
 * @example const db = await openDatabase(databaseConfig(process.env));
 */
export async function openDatabase(
  target: string | DatabaseConfig,
  options: { migrate?: boolean; log?: (line: string) => void } = {},
): Promise<Db> {
  const config =
    typeof target === 'string'
      ? databaseConfig(
          /^postgres(ql)?:/i.test(target) ? { DATABASE_URL: target } : { DATABASE_PATH: target },
        )
      : target;
  bindSchema(config.engine);
  return config.engine === 'postgres'
    ? openPostgres(config, options)
    : openSqlite(config.path, { ...options, busyTimeoutMs: config.busyTimeoutMs });
}
