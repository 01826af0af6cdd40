import { UsageError } from './usage-error';

/**
 * Checks the names given to an `--expect-...` option before anything is read, so a typo is a
 * usage error rather than a failed expectation.
 * @param option the option, as the message names it (`--expect-every-node`)
 * @throws UsageError for an empty name or namespace
 */
export function checkObjectNames(names: readonly string[], option: string): void {
  for (const name of names) {
    const parts = name.split('/');
    if (parts.length > 2 || parts.some((part) => part === '')) {
      throw new UsageError(`${option} needs NAME or NAMESPACE/NAME (got '${name}')`, 'place');
    }
  }
}
