/**
 * jest tooling for placement reports: matchers, a snapshot serializer that prints the placement
 * matrix, and `evaluateChart` to evaluate a cdk8s chart or app in a test.
 *
 * Register both in every test file with `setupFilesAfterEnv: ['everynode/jest/setup']` in the
 * jest configuration, or in one test file with
 * `expect.extend(placementMatchers); expect.addSnapshotSerializer(placementSerializer);`.
 * jest stays an optional peer dependency: this entry point loads none of its packages.
 *
 * @packageDocumentation
 * @example
 * import { App } from 'cdk8s';
 * import { evaluateChart } from 'everynode/jest';
 *
 * const report = evaluateChart(new ClusterAgents(new App(), 'agents'), 'inventory.yaml');
 * expect(report).toRunOn('nvidia-device-plugin', ['gpu-1']);
 * expect(report).toSkip('fluent-bit', 'win-1', 'NodeSelectorMismatch');
 * expect(report).toMatchSnapshot();
 */
export { placementSerializer, type SnapshotSerializer } from './serializer';
export { placementMatchers, type PlacementMatcherContext, type PlacementMatcherResult } from './matchers';
export type { PlacementMatchers } from './matcher-types';
export { evaluateChart, type ChartContainer, type SynthesizableChart } from './evaluate-chart';
export type { Inventory } from '../input';
export { isPlacementReport } from './is-placement-report';
export type { DaemonSetPlacement, NodePlacement, PlacementReason, PlacementReport, ReasonCode } from '../placement';
