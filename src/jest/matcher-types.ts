import { ReasonCode } from '../placement';

/**
 * The assertions `placementMatchers` adds to `expect`, on a `PlacementReport`. `daemonSet` is
 * `name`, or `namespace/name` when several namespaces hold that name; so is `family`.
 *
 * They are merged into `jest.Matchers`, so importing `everynode/jest` anywhere in the compilation
 * types them (with `setupFilesAfterEnv: ['everynode/jest/setup']`, add
 * `import 'everynode/jest';` to a `.d.ts` file of the tests).
 */
export interface PlacementMatchers<R> {
  /**
   * The DaemonSet runs a pod (`shouldRun`) on exactly `nodes`, in any order.
   * @example expect(report).toRunOn('nvidia-device-plugin', ['gpu-1']);
   */
  toRunOn(daemonSet: string, nodes: readonly string[]): R;
  /**
   * The DaemonSet runs a pod on every node of the inventory.
   * @example expect(report).toRunOnEveryNode('monitoring/node-exporter');
   */
  toRunOnEveryNode(daemonSet: string): R;
  /**
   * The DaemonSet runs a pod on no node of the inventory.
   * @example expect(report).toRunOnNoNode('windows-exporter');
   */
  toRunOnNoNode(daemonSet: string): R;
  /**
   * The DaemonSet gets no new pod on `node`, and, when `reasonCode` is given, one of the
   * reasons has that code.
   * @example expect(report).toSkip('fluent-bit', 'win-1', 'NodeSelectorMismatch');
   */
  toSkip(daemonSet: string, node: string, reasonCode?: ReasonCode): R;
  /**
   * The variant family `family` (`name` or `namespace/name` of the DaemonSets labelled
   * `everynode.io/family=name`) runs at most one variant on each node, and one on every node
   * when it has a variant named `default`.
   * @example expect(report).toRunExactlyOncePerNode('observability/node-agent');
   */
  toRunExactlyOncePerNode(family: string): R;
  /**
   * No DaemonSet's selector matches the pods of another object of its namespace: a workload, a
   * bare Pod, or another DaemonSet, unless the object names the DaemonSet in its
   * `everynode.io/selected-by` annotation. On a report, its `SelectorCollision` findings; on an
   * array of manifests, the manifests themselves.
   * @example expect(await evaluatePulumiProgram(program, 'inventory.yaml')).toHaveNoSelectorCollisions();
   * @example expect(yamlDocuments).toHaveNoSelectorCollisions();
   */
  toHaveNoSelectorCollisions(): R;
}

declare global {
  namespace jest {
    // The type parameters must repeat @types/jest's declaration for the interfaces to merge.
    interface Matchers<R, T = {}> extends PlacementMatchers<R> {}
  }
}
