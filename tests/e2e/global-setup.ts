import { rmSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

// Each run starts from an empty database (the server migrates it on first use). It lives outside
// test-results/, which Playwright empties.
export default function globalSetup(): void {
  const file = 'tests/.e2e-data/e2e.db';
  rmSync(dirname(file), { recursive: true, force: true });
  mkdirSync(dirname(file), { recursive: true });
}
