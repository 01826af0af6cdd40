/*
 * everynode/jest/setup, as `setupFilesAfterEnv` loads it: registered here by importing it, which
 * is what jest does with a setup file before the tests of each file.
 */
import '../../src/jest/setup';
import { daemonSet } from './fixtures';
import { evaluatePlacement, node } from '../../src';

const report = evaluatePlacement(
  [daemonSet('monitoring', 'linux-only', { nodeSelector: { 'kubernetes.io/os': 'linux' } })],
  [node('worker-1'), node('win-1').os('windows')],
);

test('registers the matchers', () => {
  expect(report).toRunOn('linux-only', ['worker-1']);
  expect(report).toSkip('monitoring/linux-only', 'win-1', 'NodeSelectorMismatch');
  expect(report).not.toRunOnEveryNode('linux-only');
  expect(report).not.toRunOnNoNode('linux-only');
});

test('registers the snapshot serializer', () => {
  expect(report).toMatchSnapshot();
});
