import { DaemonSetView } from './daemon-set-view';
import { InventoryNodes } from './inventory-read';
import { Taint } from './node-view';
import { messageOf, PrintedValue, ReasonText } from './predicates/reason-text';
import { untoleratedBy, Verdict } from './predicates/should-run';
import { untoleratedTaintReason } from './predicates/taint-toleration';
import { PlacementReason } from './report';

/**
 * The verdict of a node that fails a node-specific requirement (a rack list, a serial number
 * bound, a name): no pod, and a running one goes. Its fit reasons are those of a node that fails
 * the DaemonSet's requirements the same way, with this node's values put in where they print a
 * node's own; its taints' reasons follow. Evaluating 15,000 nodes then costs no reason text, and
 * a report that is only counted or checked never builds it.
 */
export class NodeVerdict implements Verdict {
  readonly shouldRun = false;
  readonly shouldContinueRunning = false;

  /**
   * @param fit the fit reasons of a node that the DaemonSet tells apart from node `node` only by
   *   the values its reasons print (`ReasonText`)
   */
  constructor(
    readonly fit: readonly ReasonText[],
    private readonly daemonSet: DaemonSetView,
    private readonly nodes: InventoryNodes,
    private readonly node: number,
  ) {}

  /**
   * Built on every read and not kept: the JSON writer reads each verdict once, and a report's
   * `placements` keep what they read. Kept here, the reasons of tens of thousands of nodes would
   * live as long as the report.
   */
  get reasons(): readonly PlacementReason[] {
    const valueOf = (printed: PrintedValue) => this.valueOf(printed);
    const reasons: PlacementReason[] = this.fit.map((text) => ({ code: text.code, message: messageOf(text.parts, valueOf) }));
    reasons.push(...this.untoleratedReasons());
    return reasons;
  }

  /** This node's value where a fit reason prints `printed`. */
  valueOf(printed: PrintedValue): string | undefined {
    return printed.key === undefined ? this.nodes.names[this.node] : this.nodes.labelOf(this.node, printed.key);
  }

  /** The node's taints: the same list object for every node with the same taints. */
  get taints(): readonly Taint[] {
    return this.nodes.taintsOf(this.node);
  }

  /** The reasons of the node's taints that the pod does not tolerate, which follow the fit's. */
  untoleratedReasons(): readonly PlacementReason[] {
    return untoleratedBy(this.daemonSet, this.taints).map(untoleratedTaintReason);
  }
}
