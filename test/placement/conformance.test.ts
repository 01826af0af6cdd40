/*
 * Conformance against /work/shared/fixtures/realworld: 19 published DaemonSets x 7 hand-written
 * node inventories, 133 expected placements written from the rules of NodeShouldRunDaemonPod
 * (pkg/controller/daemon/daemon_controller.go). The fixtures are read in place, never copied.
 */
import * as fs from 'fs';
import * as path from 'path';
import { evaluatePlacement, loadInventory, parseDocuments } from '../../src';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/realworld');
const EXPECTED = path.join(FIXTURES, 'expected.json');

interface ExpectedPlacement {
  readonly manifest: string;
  readonly inventory: string;
  readonly daemonset: string;
  readonly nodes: readonly string[];
  readonly why: Readonly<Record<string, string>>;
  readonly note?: string;
}

const present = fs.existsSync(FIXTURES);
if (!present) {
  // eslint-disable-next-line no-console
  console.warn(`conformance tests SKIPPED: the fixture directory ${FIXTURES} is missing (the shared realworld fixtures are not next to this project)`);
}
const entries: ExpectedPlacement[] = present ? JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) : [];

/** The fixture writes `untolerated taint X`; the report writes `taint X is not tolerated`. */
function fixtureReason(reason: string): string {
  const taint = /^untolerated taint (.+)$/.exec(reason);
  return taint ? `taint ${taint[1]} is not tolerated` : reason;
}

const describeIfPresent = present ? describe : describe.skip;

describeIfPresent(`NodeShouldRunDaemonPod on real-world DaemonSets (${FIXTURES})`, () => {
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

  test('checked all 133 (manifest, inventory) pairs', () => {
    expect(entries).toHaveLength(133);
    expect(checked.size).toBe(133);
  });
});
