import { describe, expect, it } from 'vitest';
import {
  databaseConfig,
  describeDatabase,
  isDatabaseUnavailable,
  isUniqueViolation,
} from '~/lib/db';

describe('databaseConfig', () => {
  it('uses SQLite under data/ with nothing set', () => {
    expect(databaseConfig({})).toEqual({
      engine: 'sqlite',
      path: 'data/botcamp.db',
      busyTimeoutMs: 5000,
    });
    expect(databaseConfig({ DATABASE_PATH: '/srv/botcamp.db', DATABASE_URL: '' })).toMatchObject({
      engine: 'sqlite',
      path: '/srv/botcamp.db',
    });
  });

  it('selects PostgreSQL from a postgres:// or postgresql:// URL, with pool settings', () => {
    expect(databaseConfig({ DATABASE_URL: 'postgres://app@db/botcamp' })).toEqual({
      engine: 'postgres',
      url: 'postgres://app@db/botcamp',
      poolSize: 10,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 15000,
    });
    expect(
      databaseConfig({ DATABASE_URL: 'postgresql://app@db/botcamp', DATABASE_POOL_SIZE: '25' }),
    ).toMatchObject({ engine: 'postgres', poolSize: 25 });
  });

  it('says plainly what is wrong with a setting', () => {
    expect(() => databaseConfig({ DATABASE_URL: 'mysql://db/botcamp' })).toThrow(
      'DATABASE_URL must start with postgres:// or postgresql://',
    );
    expect(() =>
      databaseConfig({ DATABASE_URL: 'postgres://db/x', DATABASE_POOL_SIZE: 'lots' }),
    ).toThrow('DATABASE_POOL_SIZE must be a positive whole number, not "lots".');
  });

  it('describes where the data is without the password', () => {
    const label = describeDatabase(
      databaseConfig({ DATABASE_URL: 'postgres://app:s3cret-pw@db.example.org:5432/botcamp' }),
    );
    expect(label).toBe('PostgreSQL at db.example.org:5432/botcamp (user app)');
    expect(label).not.toContain('s3cret');
    expect(describeDatabase(databaseConfig({}))).toBe('SQLite at data/botcamp.db');
  });
});

describe('error classification', () => {
  const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  it('recognises unique violations on both engines, also when wrapped', () => {
    expect(isUniqueViolation(coded('SQLITE_CONSTRAINT_UNIQUE'))).toBe(true);
    expect(isUniqueViolation(new Error('wrapped', { cause: coded('23505') }))).toBe(true);
    expect(isUniqueViolation(coded('23503'))).toBe(false);
  });
  it('recognises an unreachable or busy database, and nothing else', () => {
    for (const code of ['ECONNREFUSED', '57P01', '08006', 'SQLITE_BUSY'])
      expect(isDatabaseUnavailable(new Error('q', { cause: coded(code) }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(coded('23505'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('undefined is not a function'))).toBe(false);
  });
});
