import { openDatabase, type Db } from '~/lib/db';

/** A fresh, fully migrated in-memory database: each test gets its own. */
export function freshDb(): Db {
  return openDatabase(':memory:');
}
