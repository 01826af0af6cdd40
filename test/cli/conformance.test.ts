/*
 * The CLI against the real-world fixtures: `everynode place --output json` on each of the 133
 * (manifest, inventory) pairs of test/fixtures/realworld must place each DaemonSet on exactly the
 * expected nodes, as evaluatePlacement does (test/placement/conformance.test.ts).
 */
import * as path from 'path';
import { everynode } from './cli-harness';
import { EXPECTED_PAIRS, expectedPlacements, REALWORLD_FIXTURES as FIXTURES } from '../fixtures/realworld';

const entries = expectedPlacements();

describe('everynode place on the real-world fixtures', () => {
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

  test(`checks all ${EXPECTED_PAIRS} expected placements`, () => {
    expect(entries).toHaveLength(EXPECTED_PAIRS);
  });
});
