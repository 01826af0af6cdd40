import { removeTarball, TARBALL_VARIABLE } from './package';

/** Removes the tarball the global set-up packed. */
export default function globalTeardown(): void {
  const tarball = process.env[TARBALL_VARIABLE];
  if (tarball) removeTarball(tarball);
}
