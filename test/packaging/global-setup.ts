import { packLibrary, TARBALL_VARIABLE } from './package';

/** Packs the library once for every packaging test file: jest starts the workers after this, with its environment. */
export default function globalSetup(): void {
  process.env[TARBALL_VARIABLE] = packLibrary();
}
