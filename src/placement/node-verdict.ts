import { DaemonSetView } from './daemon-set-view';
import { InventoryNodes } from './inventory-read';
import { shouldRunDaemonPod, Verdict } from './predicates/should-run';
import { PlacementReason } from './report';

/**
 * The verdict of a node whose reasons print its own label values or name (a rack, a serial
 * number): whether the daemon runs comes from a node that fails the same requirements, and the
 * reasons are put together when read. Evaluating 15,000 nodes then costs no reason text;
 * a report that is only counted or checked never builds it.
 */
export class NodeVerdict implements Verdict {
  readonly shouldRun: boolean;
  readonly shouldContinueRunning: boolean;

  /**
   * @param outcome the verdict of a node that the DaemonSet tells apart from node `node` only by
   *   the values its reasons print
   * @param ownText whether those values are the node's own (see `Verdict.ownText`)
   */
  constructor(
    outcome: Verdict,
    private readonly daemonSet: DaemonSetView,
    private readonly nodes: InventoryNodes,
    private readonly node: number,
    readonly ownText: boolean,
  ) {
    this.shouldRun = outcome.shouldRun;
    this.shouldContinueRunning = outcome.shouldContinueRunning;
  }

  /**
   * Built on every read and not kept: the JSON writer reads each verdict once, and a report's
   * `placements` keep what they read. Kept here, the reasons of tens of thousands of nodes would
   * live as long as the report.
   */
  get reasons(): readonly PlacementReason[] {
    return shouldRunDaemonPod(this.daemonSet, this.nodes.view(this.node)).reasons;
  }
}
