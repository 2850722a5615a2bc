import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Domain code is written once for SQLite and PostgreSQL. drizzle's SQLite builder (the type it is
 * written against) also offers synchronous `.get()`, `.all()`, `.run()` and `.values()`, which do
 * not exist on PostgreSQL; they would type-check and then fail only there. Engine-specific code
 * belongs in src/lib/db/ alone.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|astro)$/.test(name) ? [path] : [];
  });
}

const SYNC_CALL = /\.(get|all|run)\(\s*\)/;
const ENGINE_SPECIFIC =
  /\$client|better-sqlite3|from 'pg'|drizzle-orm\/(node-postgres|better-sqlite3|pg-core|sqlite-core)/;

describe('engine-neutral data code', () => {
  const files = sourceFiles(SRC).filter((f) => !relative(SRC, f).startsWith(join('lib', 'db')));
  it('finds the source files', () => expect(files.length).toBeGreaterThan(50));

  it('uses no SQLite-only query calls outside src/lib/db', () => {
    const offenders = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /from '(~\/lib\/db|~db\/schema|drizzle-orm)/.test(text) && SYNC_CALL.test(text);
    });
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('opens no driver directly outside src/lib/db', () => {
    const offenders = files.filter((f) => ENGINE_SPECIFIC.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
