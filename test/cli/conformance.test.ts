/*
 * The CLI against the real-world fixtures: `everynode place --output json` on each of the 133
 * (manifest, inventory) pairs of /work/shared/fixtures/realworld must place each DaemonSet on
 * exactly the expected nodes, as evaluatePlacement does (test/placement/conformance.test.ts).
 * The fixtures are read in place, never copied.
 */
import * as fs from 'fs';
import * as path from 'path';
import { everynode } from './cli-harness';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/realworld');

interface ExpectedPlacement {
  readonly manifest: string;
  readonly inventory: string;
  readonly daemonset: string;
  readonly nodes: readonly string[];
}

const present = fs.existsSync(FIXTURES);
if (!present) {
  // eslint-disable-next-line no-console
  console.warn(`CLI conformance tests SKIPPED: the fixture directory ${FIXTURES} is missing`);
}
const entries: ExpectedPlacement[] = present ? JSON.parse(fs.readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) : [];

(present ? describe : describe.skip)('everynode place on the real-world fixtures', () => {
  test.each(entries.map((e) => [`${e.manifest} on ${e.inventory}`, e] as const))('%s', async (_, expected) => {
    const run = await everynode(
      ['place', '--inventory', path.join('inventories', expected.inventory), '--output', 'json', path.join('manifests', expected.manifest)],
      { cwd: FIXTURES },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [daemonSet] = JSON.parse(run.stdout).daemonSets;
    expect(`${daemonSet.namespace}/${daemonSet.name}`).toBe(expected.daemonset);
    const placed = daemonSet.placements.filter((p: { shouldRun: boolean }) => p.shouldRun).map((p: { node: string }) => p.node);
    expect(placed.sort()).toEqual(expected.nodes);
  });

  test('checks all 133 expected placements', () => {
    expect(entries).toHaveLength(133);
  });
});
