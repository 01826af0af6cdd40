import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseDocuments } from '../../src/input';
import { validateDaemonSet } from '../../src/validation';

/*
 * Published DaemonSets that API servers have accepted (test/fixtures/realworld/README.md says
 * where each comes from). Whatever a rule of ours reports on one of them is a rule the API server
 * does not have.
 */
const MANIFESTS = join(__dirname, '..', 'fixtures', 'realworld', 'manifests');

const daemonSets = readdirSync(MANIFESTS)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .flatMap((file) =>
    parseDocuments(readFileSync(join(MANIFESTS, file), 'utf8'), file)
      .map((document) => document.value as { kind?: unknown })
      .filter((value) => value?.kind === 'DaemonSet')
      .map((value): [string, unknown] => [file, value]),
  );

describe('real-world DaemonSets the API server accepted', () => {
  it('finds every manifest', () => {
    expect(daemonSets.length).toBe(readdirSync(MANIFESTS).filter((file) => file.endsWith('.yaml')).length);
  });

  it.each(daemonSets)('%s has no validation errors', (_, manifest) => {
    expect(validateDaemonSet(manifest)).toEqual([]);
  });
});
