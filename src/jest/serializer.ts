import { renderTable } from '../placement';
import { isPlacementReport } from './is-placement-report';

/**
 * A snapshot serializer, shaped as pretty-format's `NewPlugin` (what `expect.addSnapshotSerializer`
 * takes). Declared here rather than imported so that the typings of `everynode/jest` do not depend
 * on where the package manager put pretty-format.
 */
export interface SnapshotSerializer {
  /** Whether this serializer prints `value`. */
  test(value: unknown): boolean;
  /** The text of `value` in the snapshot; `indentation` is the indentation of the line it starts on. */
  serialize(value: unknown, config: unknown, indentation: string): string;
}

/**
 * Prints a `PlacementReport` in snapshots as the placement matrix with its reasons legend (the
 * `renderTable` text), so that a snapshot diff in review reads as "this DaemonSet no longer
 * runs on that node, because of this taint".
 *
 * Every advisory is printed: a snapshot that cut them at some count would not fail when one
 * beyond the cut changes.
 *
 * @example
 * import { placementSerializer } from 'everynode/jest';
 * expect.addSnapshotSerializer(placementSerializer);
 * expect(evaluatePlacement(manifests, loadInventory('inventory.yaml'))).toMatchSnapshot();
 */
export const placementSerializer: SnapshotSerializer = {
  test: isPlacementReport,
  serialize(value, _config, indentation) {
    if (!isPlacementReport(value)) throw new TypeError('placementSerializer only prints a PlacementReport');
    const text = renderTable(value, { maxAdvisories: Number.POSITIVE_INFINITY }).trimEnd();
    // A report nested in another value starts mid-line; its later lines must follow that indentation.
    return text.split('\n').map((line, i) => (i === 0 || line === '' ? line : indentation + line)).join('\n');
  },
};
