import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import { emptyPostgresDatabase } from '../unit/fixtures';
import { sites, type SiteName } from './sites';

/**
 * Global setup of a server test project, in Vitest's main process, before any test file loads.
 *
 * Content: loads the site's content/ into Astro's data store, as `astro dev` does at start, so
 * `astro:content` answers from the real files. Vitest runs Astro's Vite plugins but not its
 * content sync; without this the collections are silently empty or stale. The store goes where
 * a dev server reads it (`.astro/` under the site's root), hence cacheDir.
 *
 * Database: in dev, astro:env takes its values from this process's environment when a test
 * first imports it, so src/server/runtime.ts opens the database set here. On SQLite every test
 * file (its own process) gets a private in-memory database. In the PostgreSQL pass of the test
 * script (BOTCAMP_TEST_DATABASE_URL set) the server tests share one new database, which is why
 * they never assume it is empty.
 */
export default async function setup(project: TestProject): Promise<void> {
  const site = sites[project.config.provide.astroSite as SiteName];
  // Astro's Vite config aliases the bare 'astro' import to its types, so load the package directly.
  const { sync } = (await import(
    pathToFileURL(createRequire(import.meta.url).resolve('astro')).href
  )) as typeof import('astro');
  await sync({ ...site, force: true, cacheDir: `${site.root}/.astro/`, logLevel: 'error' });
  await serverDatabase();
}

const shared = globalThis as { botcampServerDatabase?: Promise<void> };

/** Once per run, whichever server project starts first: both read the same environment. */
function serverDatabase(): Promise<void> {
  shared.botcampServerDatabase ??= (async () => {
    if (process.env.BOTCAMP_TEST_DATABASE_URL) {
      process.env.DATABASE_URL = await emptyPostgresDatabase(`botcamp_server_${process.pid}`);
    } else {
      delete process.env.DATABASE_URL;
      process.env.DATABASE_PATH = ':memory:';
    }
  })();
  return shared.botcampServerDatabase;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Which of `sites` a server test project runs against. */
    astroSite: SiteName;
  }
}
