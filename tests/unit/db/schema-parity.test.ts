import { getTableName, is, SQL } from 'drizzle-orm';
import { getTableConfig as postgresTable, type PgTable } from 'drizzle-orm/pg-core';
import * as sqliteCore from 'drizzle-orm/sqlite-core';
import { getTableConfig as sqliteTable, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as postgres from '~db/schema.postgres';
import * as sqlite from '~db/schema.sqlite';

/**
 * The two engines must declare the same tables: same columns (by kind), nullability, defaults,
 * primary keys, unique constraints, foreign keys and indexes. Domain code is written once against
 * either, so a column added to one file only would work on one engine and break on the other.
 */

type Config = ReturnType<typeof sqliteTable> | ReturnType<typeof postgresTable>;

const KIND: Record<string, string> = {
  SQLiteInteger: 'integer',
  PgInteger: 'integer',
  SQLiteText: 'text',
  PgText: 'text',
  SQLiteTimestamp: 'timestamp',
  PgTimestamp: 'timestamp',
  SQLiteBoolean: 'boolean',
  PgBoolean: 'boolean',
};

function defaultOf(column: Config['columns'][number]): unknown {
  if (!column.hasDefault) return undefined;
  // SQL defaults differ by dialect on purpose (unixepoch(...) vs now()): both mean "the time of insert".
  if (is(column.default, SQL)) return 'now';
  if (column.default === undefined && column.primary) return 'identity';
  return column.default ?? 'identity';
}

/** An engine-neutral description of one table. */
function describe_(config: Config) {
  return {
    name: config.name,
    columns: config.columns.map((c) => ({
      name: c.name,
      kind: KIND[c.columnType] ?? `unmapped ${c.columnType}`,
      notNull: c.notNull,
      default: defaultOf(c),
      primary: c.primary,
      unique: c.isUnique,
    })),
    primaryKeys: config.primaryKeys.map((k) => k.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          columns: ref.columns.map((c) => c.name),
          to: `${getTableName(ref.foreignTable)}(${ref.foreignColumns.map((c) => c.name).join(',')})`,
          onDelete: fk.onDelete ?? 'no action',
        };
      })
      .sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name ?? '',
        unique: !!i.config.unique,
        columns: i.config.columns.map((c) => (c as { name: string }).name),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
  };
}

const sqliteTables = Object.entries(sqlite).filter(
  ([, v]) => typeof v === 'object' && v !== null && 'getSQL' in v,
) as [string, SQLiteTable][];
const postgresTables = Object.entries(postgres).filter(
  ([, v]) => typeof v === 'object' && v !== null && 'getSQL' in v,
) as [string, PgTable][];

describe('schema parity between SQLite and PostgreSQL', () => {
  it('declares the same tables under the same export names', () => {
    expect(postgresTables.map(([k]) => k).sort()).toEqual(sqliteTables.map(([k]) => k).sort());
    expect(sqliteTables.length).toBeGreaterThan(10);
  });

  for (const [key, table] of sqliteTables) {
    it(`declares ${key} alike`, () => {
      const other = postgresTables.find(([k]) => k === key)?.[1];
      expect(other, `schema.postgres.ts has no ${key}`).toBeDefined();
      const a = describe_(sqliteTable(table));
      const b = describe_(postgresTable(other!));
      expect(a.columns.every((c) => !c.kind.startsWith('unmapped'))).toBe(true);
      expect(b).toEqual(a);
    });
  }

  it('notices a difference (the comparison is not vacuous)', () => {
    // Two tables alike but for one thing each time: describe_ must tell them apart.
    const base = {
      id: sqliteCore.integer('id').primaryKey(),
      name: sqliteCore.text('name').notNull(),
    };
    const same = describe_(sqliteTable(sqliteCore.sqliteTable('t', base)));
    const variants = {
      nullable: { ...base, name: sqliteCore.text('name') },
      defaulted: { ...base, name: sqliteCore.text('name').notNull().default('x') },
      unique: { ...base, name: sqliteCore.text('name').notNull().unique() },
      renamed: { ...base, name: sqliteCore.text('title').notNull() },
    };
    expect(describe_(sqliteTable(sqliteCore.sqliteTable('t', base)))).toEqual(same);
    for (const [what, columns] of Object.entries(variants))
      expect(describe_(sqliteTable(sqliteCore.sqliteTable('t', columns))), what).not.toEqual(same);
    expect(describe_(postgresTable(postgres.sessions))).not.toEqual(
      describe_(sqliteTable(sqlite.users)),
    );
  });
});
