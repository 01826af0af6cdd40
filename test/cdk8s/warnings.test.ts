import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { NodeDaemon, WARNING_METADATA_TYPE } from '../../src/cdk8s';

/*
 * Warnings come from checkDaemonSet: an image no registry accepts (InvalidImageReference) and a
 * field the schema does not have (UnknownField) are two it reports.
 */
const warningsOf = (construct: IConstruct) =>
  construct.node.metadata.filter((entry) => entry.type === WARNING_METADATA_TYPE).map((entry) => entry.data as string);

describe('warnings are recorded as construct metadata of type everynode:warning', () => {
  test('at construction, for what the props make', () => {
    const chart = Testing.chart();
    const daemon = new NodeDaemon(chart, 'agent', { image: 'Fluent/Fluent-Bit:3.2' });
    expect(WARNING_METADATA_TYPE).toBe('everynode:warning');
    expect(warningsOf(daemon)).toEqual([expect.stringMatching(/^spec\.template\.spec\.containers\[0\]\.image: .*Fluent\/Fluent-Bit:3\.2/)]);
    // Construction does not fail on a warning, and neither does synthesis.
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('at synthesis, for what a patch adds, once however many passes find it', () => {
    const app = new App({ outdir: Testing.app().outdir });
    const chart = new Chart(app, 'test');
    const daemon = new NodeDaemon(chart, 'agent', { image: 'agent' });
    expect(warningsOf(daemon)).toEqual([]);
    ApiObject.of(daemon).addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/imagePullPolcy', 'Always'));
    app.synthYaml();
    Testing.synth(chart);
    expect(warningsOf(daemon)).toEqual([expect.stringMatching(/^spec\.template\.spec\.containers\[0\]\.imagePullPolcy: /)]);
  });

  test('for the props the chart adds to, once', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'observability' });
    const daemon = new NodeDaemon(chart, 'agent', { image: 'UPPER' });
    Testing.synth(chart);
    expect(warningsOf(daemon)).toHaveLength(1);
  });
});
