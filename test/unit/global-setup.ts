// Builds dist/ once before the unit tests: several test files run the built CLI and bundles, and building in each
// of them at once (vitest runs files in parallel) let one file read a bundle another was still writing.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(__dirname, '../..'), stdio: 'inherit' });
}
