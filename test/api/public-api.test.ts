/*
 * The names each entry point publishes at run time. Anything added here is a promise to users
 * that outlives the next release: this list changes only on purpose.
 */
import * as core from '../../src';
import * as runtimeCore from '../../src/main';

const VALUE_CLASSES = [
  'DaemonPropsError',
  'DaemonServiceKind',
  'DnsPolicy',
  'HostPathType',
  'NodeFilter',
  'NodePoolLabel',
  'OperatingSystem',
  'PodCount',
  'PriorityClass',
  'Rollout',
  'TaintEffect',
  'Toleration',
];

test('everynode: the model value classes, validation, inventories, the evaluator and its renderings', () => {
  expect(Object.keys(runtimeCore).sort()).toEqual(
    [
      ...VALUE_CLASSES,
      'InputError',
      'checkDaemonSet',
      'checkSelectorCollisions',
      'diffPlacement',
      'evaluatePlacement',
      'EverynodeValidation',
      'formatFieldError',
      'formatWarning',
      'loadInventory',
      'node',
      'NodeBuilder',
      'renderHtml',
      'renderJson',
      'renderDiff',
      'renderMarkdown',
      'renderTable',
      'SELECTED_BY_ANNOTATION',
      'validateDaemonSet',
    ].sort(),
  );
});

test('internal helpers are not part of the core entry, at run time or for the compiler', () => {
  for (const internal of ['hostPathVolumes', 'buildDaemonSet', 'placementMatrix', 'MARKS', 'describeRollout', 'parseDocuments', 'nodeDaemonManifest']) {
    expect([internal, internal in runtimeCore]).toEqual([internal, false]);
  }
  // @ts-expect-error hostPathVolumes is internal: the model builds host path volumes from the `hostPaths` prop.
  expect(core.hostPathVolumes).toBeUndefined();
});

test('everynode/cdk8s: the constructs and what their props take, not the core', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cdk8s = require('../../src/cdk8s');
  expect(Object.keys(cdk8s).sort()).toEqual(
    [...VALUE_CLASSES, 'DaemonConstruct', 'DaemonVariants', 'MasterTolerant', 'NodeDaemon', 'NodeFilteredDaemon', 'StaticPod', 'WARNING_METADATA_TYPE'].sort(),
  );
});

test('everynode/pulumi: the components, what their args take, and the program evaluator', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pulumi = require('../../src/pulumi');
  expect(Object.keys(pulumi).sort()).toEqual(
    [...VALUE_CLASSES, 'DaemonComponent', 'DaemonVariants', 'MasterTolerant', 'NodeDaemon', 'NodeFilteredDaemon', 'StaticPod', 'evaluatePulumiProgram'].sort(),
  );
});

test('everynode/jest: matchers, the serializer and the chart evaluator', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jestEntry = require('../../src/jest');
  expect(Object.keys(jestEntry).sort()).toEqual(['evaluateChart', 'isPlacementReport', 'placementMatchers', 'placementSerializer'].sort());
});
