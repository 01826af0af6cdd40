import { NodeFilter } from '../../src';
import { buildDaemonSet, masterTolerantManifest, nodeFilteredDaemonManifest } from '../../src/daemon';
import { modelWarnings } from '../../src/daemon/model-warnings';

describe('the warnings of the check the model ran, kept beside the manifest it built', () => {
  test('an image no registry accepts', () => {
    const manifest = masterTolerantManifest('MasterTolerant agents/agent', 'agent', { image: 'Fluent/Fluent-Bit:3.2' });
    expect(modelWarnings(manifest)).toEqual([
      expect.objectContaining({ code: 'InvalidImageReference', field: 'spec.template.spec.containers[0].image' }),
    ]);
  });

  test('a Gt filter on a value that is no integer', () => {
    const manifest = nodeFilteredDaemonManifest('NodeFilteredDaemon agents/agent', 'agent', {
      image: 'agent',
      nodes: NodeFilter.labelGreaterThan('gpu-count', 1.5),
    });
    expect(modelWarnings(manifest).map((w) => w.code)).toEqual(['NonIntegerComparison']);
  });

  test('none for a clean manifest, or one the model did not build', () => {
    expect(modelWarnings(buildDaemonSet('NodeDaemon agents/agent', 'agent', { image: 'agent' }))).toEqual([]);
    const warned = buildDaemonSet('NodeDaemon agents/agent', 'agent', { image: 'Fluent/Fluent-Bit:3.2' });
    expect(modelWarnings(warned)).toHaveLength(1);
    expect(modelWarnings(structuredClone(warned))).toEqual([]);
  });
});
