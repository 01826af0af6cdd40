import * as fs from 'fs';
import * as path from 'path';

/**
 * everynode's version, from its package.json. The file sits two levels above this one both in
 * the sources (src/cli) and in the published package (lib/cli); it is read rather than imported
 * because it lies outside the compiler's rootDir.
 */
export function packageVersion(): string {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const version = (manifest as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}
