import { Chart, Testing } from 'cdk8s';
import { MasterTolerant, NodeDaemon, NodeFilteredDaemon } from '../../src/cdk8s';
import { NodeFilter, Toleration } from '../../src/daemon';
import { propsErrorMessage } from '../daemon/props-error-of';

/*
 * What a cdk8s user reads when the props are wrong: the construct, the prop as written with the
 * user's own index, then the field the API server would name.
 */

const NAME_PART_IN_WORDS =
  "name part must be made of letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most 63 characters (e.g. 'MyName', 'my.name' or '123-abc')";

test('a MasterTolerant names its user\'s only toleration tolerations[0], after the two control-plane ones', () => {
  const chart = Testing.chart();
  expect(propsErrorMessage(() => new MasterTolerant(chart, 'agent', { image: 'agent', tolerations: [Toleration.exists('bad key')] }))).toBe(
    `MasterTolerant 'test/agent': tolerations[0] (spec.template.spec.tolerations[2].key): Invalid value: "bad key": ${NAME_PART_IN_WORDS}`,
  );
});

test('a NodeFilteredDaemon names the part of the filter that is wrong', () => {
  const chart = Testing.chart();
  const nodes = NodeFilter.gpu().and(NodeFilter.labelEquals('-bad key-', 'a100'));
  expect(propsErrorMessage(() => new NodeFilteredDaemon(chart, 'agent', { image: 'agent', nodes }))).toBe(
    "NodeFilteredDaemon 'test/agent': nodes: NodeFilter.labelEquals('-bad key-', 'a100') " +
      '(spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].key): ' +
      `Invalid value: "-bad key-": ${NAME_PART_IN_WORDS}`,
  );
});

test('a label the chart adds is named by its field, since no prop holds it; the daemon\'s own by prop', () => {
  const chart = new Chart(Testing.app(), 'test', { labels: { team: 'not a label value!' } });
  expect(propsErrorMessage(() => new NodeDaemon(chart, 'agent', { image: 'agent', labels: { tier: '-node-' } }))).toBe(
    "NodeDaemon 'test/agent': " +
      'metadata.labels: Invalid value: "not a label value!": a label value must be empty, or made of letters, digits, \'-\', \'_\' and \'.\', ' +
      "starting and ending with a letter or digit, at most 63 characters (e.g. 'MyValue', 'my_value' or '12345'); " +
      'labels.tier (metadata.labels): Invalid value: "-node-": a label value must be empty, or made of letters, digits, \'-\', \'_\' and \'.\', ' +
      "starting and ending with a letter or digit, at most 63 characters (e.g. 'MyValue', 'my_value' or '12345')",
  );
});
