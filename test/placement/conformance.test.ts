/*
 * Conformance against test/fixtures/realworld: 19 published DaemonSets x 7 hand-written node
 * inventories, 133 expected placements written from the rules of NodeShouldRunDaemonPod
 * (pkg/controller/daemon/daemon_controller.go).
 */
import * as fs from 'fs';
import * as path from 'path';
import { evaluatePlacement, loadInventory } from '../../src';
import { parseDocuments } from '../../src/input';
import { EXPECTED_PAIRS, expectedPlacements, REALWORLD_FIXTURES as FIXTURES } from '../fixtures/realworld';

const entries = expectedPlacements();

/** The fixture writes `untolerated taint X`; the report writes `taint X is not tolerated`. */
function fixtureReason(reason: string): string {
  const taint = /^untolerated taint (.+)$/.exec(reason);
  return taint ? `taint ${taint[1]} is not tolerated` : reason;
}

describe('NodeShouldRunDaemonPod on real-world DaemonSets (test/fixtures/realworld)', () => {
  const checked = new Set<string>();

  test.each(entries.map((entry) => ({ ...entry, name: `${entry.manifest} on ${entry.inventory}` })))('$name', (entry) => {
    const manifestFile = path.join(FIXTURES, 'manifests', entry.manifest);
    const documents = parseDocuments(fs.readFileSync(manifestFile, 'utf8'), manifestFile);
    const report = evaluatePlacement(documents.map((d) => d.value), loadInventory(path.join(FIXTURES, 'inventories', entry.inventory)));

    expect(report.daemonSets).toHaveLength(1);
    const [daemonSet] = report.daemonSets;
    expect(`${daemonSet.namespace}/${daemonSet.name}`).toBe(entry.daemonset);

    const placed = daemonSet.placements.filter((p) => p.shouldRun).map((p) => p.node).sort();
    expect(placed).toEqual([...entry.nodes].sort());

    const why: Record<string, string> = {};
    for (const placement of daemonSet.placements) {
      if (!placement.shouldRun) why[placement.node] = placement.reasons.map((r) => r.message).join('; ');
    }
    const expectedWhy: Record<string, string> = {};
    for (const [node, text] of Object.entries(entry.why)) expectedWhy[node] = text.split('; ').map(fixtureReason).join('; ');
    expect(why).toEqual(expectedWhy);

    checked.add(`${entry.manifest} on ${entry.inventory}`);
  });

  test(`checked all ${EXPECTED_PAIRS} (manifest, inventory) pairs`, () => {
    expect(entries).toHaveLength(EXPECTED_PAIRS);
    expect(checked.size).toBe(EXPECTED_PAIRS);
  });
});
