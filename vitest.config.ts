import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';
import { sites, type SiteName } from './tests/server/sites.ts';

const alias = {
  '~db': fileURLToPath(new URL('./db', import.meta.url)),
  '~': fileURLToPath(new URL('./src', import.meta.url)),
};

/**
 * src/server/ imports astro:content and astro:env, so its tests run in Astro's own Vite
 * configuration, against a site's real content and a real database (tests/server/global-setup.ts).
 */
function serverProject(name: string, site: SiteName, include: string) {
  return getViteConfig(
    {
      test: {
        name,
        root: sites.project.root,
        environment: 'node',
        include: [include],
        globalSetup: ['tests/server/global-setup.ts'],
        provide: { astroSite: site },
        pool: 'forks',
      },
    },
    sites[site],
  );
}

export default defineConfig({
  test: {
    projects: [
      // Plain Vitest (not Astro's Vite config): these cover src/lib, which never imports astro:*.
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          pool: 'forks',
        },
      },
      serverProject('server', 'project', 'tests/server/*.test.ts'),
      serverProject('server-translated', 'translated', 'tests/server/translated/*.test.ts'),
    ],
  },
});
