import { MockHarness } from './harness';
import { NodeFilter, Toleration } from '../../src/daemon';
import { MasterTolerant, NodeDaemon, NodeFilteredDaemon } from '../../src/pulumi';
import { propsErrorMessage } from '../daemon/props-error-of';

/*
 * What a Pulumi user reads when the args are wrong: the component, the prop as written with the
 * user's own index, then the field the API server would name.
 */

const harness = new MockHarness();
beforeAll(() => harness.install());

test('a MasterTolerant names its user\'s only toleration tolerations[0], after the control-plane one', () => {
  const tolerations = [Toleration.fromSpec({ key: 'dedicated', operator: 'Exists', value: 'logging' })];
  expect(propsErrorMessage(() => new MasterTolerant('agent', { image: 'agent', kubernetesVersion: '1.29', tolerations }))).toBe(
    "MasterTolerant 'agent': tolerations[0] (spec.template.spec.tolerations[1].operator): " +
      'Invalid value: {"key":"dedicated","operator":"Exists","value":"logging"}: value must be empty when `operator` is \'Exists\'',
  );
});

test('a NodeFilteredDaemon names the part of the filter that is wrong', () => {
  const nodes = NodeFilter.linux().or(NodeFilter.named('Worker_1'));
  expect(propsErrorMessage(() => new NodeFilteredDaemon('agent', { image: 'agent', nodes }))).toBe(
    "NodeFilteredDaemon 'agent': nodes: NodeFilter.named('Worker_1') " +
      '(spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[1].matchFields[0].values[0]): ' +
      "Invalid value: \"Worker_1\": must be a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, " +
      "at most 253 characters (e.g. 'example.com')",
  );
});

test('a sidecar\'s port and an env var name', () => {
  const env = { 'LOG=LEVEL': 'info' };
  expect(propsErrorMessage(() => new NodeDaemon('agent', { image: 'agent', env, sidecars: [{ name: 'exporter', image: 'e', ports: [{ containerPort: 9100, name: 'Metrics' }] }] }))).toBe(
    "NodeDaemon 'agent': env[\"LOG=LEVEL\"] (spec.template.spec.containers[0].env[0].name): Invalid value: \"LOG=LEVEL\": " +
      "a valid environment variable name must consist only of printable ASCII characters other than '='; " +
      'sidecars[0].ports[0].name (spec.template.spec.containers[1].ports[0].name): Invalid value: "Metrics": ' +
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
  );
});
