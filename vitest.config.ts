import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Plain Vitest (not Astro's Vite config): unit tests cover src/lib, which never imports astro:*.
export default defineConfig({
  resolve: {
    alias: {
      '~db': fileURLToPath(new URL('./db', import.meta.url)),
      '~': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    pool: 'forks',
  },
});
