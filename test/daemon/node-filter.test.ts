import { NodeFilter, NodePoolLabel, OperatingSystem, Toleration, validateDaemonSet } from '../../src';
import { NodeSelectorRequirement, NodeSelectorTerm, nodeFilteredDaemonManifest } from '../../src/daemon';

/** One term with one label requirement. */
const labelTerm = (key: string, operator: NodeSelectorRequirement['operator'], values?: string[]): NodeSelectorTerm => ({
  matchExpressions: [values === undefined ? { key, operator } : { key, operator, values }],
});

/** The manifest of a NodeFilteredDaemon on these nodes; throws if the API server would reject it. */
const daemonOn = (nodes: NodeFilter) => nodeFilteredDaemonManifest('NodeFilteredDaemon test/agent', 'agent', { image: 'busybox:1.36', nodes });

describe('NodeFilter label factories', () => {
  test.each<[string, NodeFilter, NodeSelectorTerm[]]>([
    ['labelEquals', NodeFilter.labelEquals('pool', 'logging'), [labelTerm('pool', 'In', ['logging'])]],
    ['labelIn', NodeFilter.labelIn('zone', 'a', 'b'), [labelTerm('zone', 'In', ['a', 'b'])]],
    ['labelNotIn', NodeFilter.labelNotIn('zone', 'c', 'd'), [labelTerm('zone', 'NotIn', ['c', 'd'])]],
    ['labelExists', NodeFilter.labelExists('example.com/agent'), [labelTerm('example.com/agent', 'Exists')]],
    ['labelDoesNotExist', NodeFilter.labelDoesNotExist('example.com/skip'), [labelTerm('example.com/skip', 'DoesNotExist')]],
    ['labelGreaterThan', NodeFilter.labelGreaterThan('example.com/cores', 8), [labelTerm('example.com/cores', 'Gt', ['8'])]],
    ['labelLessThan', NodeFilter.labelLessThan('example.com/cores', 64), [labelTerm('example.com/cores', 'Lt', ['64'])]],
    ['os(WINDOWS)', NodeFilter.os(OperatingSystem.WINDOWS), [labelTerm('kubernetes.io/os', 'In', ['windows'])]],
    ['linux', NodeFilter.linux(), [labelTerm('kubernetes.io/os', 'In', ['linux'])]],
    ['windows', NodeFilter.windows(), [labelTerm('kubernetes.io/os', 'In', ['windows'])]],
    ['architecture', NodeFilter.architecture('amd64', 'arm64'), [labelTerm('kubernetes.io/arch', 'In', ['amd64', 'arm64'])]],
    [
      'instanceTypes',
      NodeFilter.instanceTypes('m5.large', 'g5.xlarge'),
      [labelTerm('node.kubernetes.io/instance-type', 'In', ['m5.large', 'g5.xlarge'])],
    ],
    ['nodePool(GKE)', NodeFilter.nodePool(NodePoolLabel.GKE, 'gpu-pool'), [labelTerm('cloud.google.com/gke-nodepool', 'In', ['gpu-pool'])]],
    ['nodePool(EKS)', NodeFilter.nodePool(NodePoolLabel.EKS, 'ng-1', 'ng-2'), [labelTerm('eks.amazonaws.com/nodegroup', 'In', ['ng-1', 'ng-2'])]],
    ['nodePool(custom label)', NodeFilter.nodePool('example.com/pool', 'x'), [labelTerm('example.com/pool', 'In', ['x'])]],
  ])('%s', (_, filter, terms) => {
    expect(filter.toNodeSelectorTerms()).toEqual(terms);
    expect(filter.tolerations).toEqual([]);
    expect(validateDaemonSet(daemonOn(filter))).toEqual([]);
  });

  test('Gt and Lt values are strings, as the API requires', () => {
    const [term] = NodeFilter.labelGreaterThan('example.com/cores', 8).toNodeSelectorTerms();
    expect(term.matchExpressions?.[0].values).toEqual(['8']);
    expect(typeof term.matchExpressions?.[0].values?.[0]).toBe('string');
  });

  test('a label term writes no matchFields and an existence term no values', () => {
    const [term] = NodeFilter.labelExists('example.com/agent').toNodeSelectorTerms();
    expect(Object.keys(term)).toEqual(['matchExpressions']);
    expect(Object.keys(term.matchExpressions![0]).sort()).toEqual(['key', 'operator']);
  });
});

describe('NodeFilter.named / notNamed', () => {
  test('named writes one term per node, each with a single metadata.name value', () => {
    const filter = NodeFilter.named('node-a', 'node-b');
    expect(filter.toNodeSelectorTerms()).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-a'] }] },
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-b'] }] },
    ]);
    expect(validateDaemonSet(daemonOn(filter))).toEqual([]);
  });

  test('named with one node', () => {
    expect(NodeFilter.named('node-a').toNodeSelectorTerms()).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-a'] }] },
    ]);
  });

  test('notNamed writes one term with a NotIn requirement per node', () => {
    const filter = NodeFilter.notNamed('node-a', 'node-b');
    expect(filter.toNodeSelectorTerms()).toEqual([
      {
        matchFields: [
          { key: 'metadata.name', operator: 'NotIn', values: ['node-a'] },
          { key: 'metadata.name', operator: 'NotIn', values: ['node-b'] },
        ],
      },
    ]);
    expect(validateDaemonSet(daemonOn(filter))).toEqual([]);
  });

  test('names and labels combine in one term', () => {
    expect(NodeFilter.linux().and(NodeFilter.notNamed('node-a')).toNodeSelectorTerms()).toEqual([
      {
        matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }],
        matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node-a'] }],
      },
    ]);
  });
});

describe('combining filters', () => {
  const A = NodeFilter.labelEquals('a', '1');
  const B = NodeFilter.labelEquals('b', '2');
  const C = NodeFilter.labelEquals('c', '3');
  const D = NodeFilter.labelEquals('d', '4');
  const req = (key: string, value: string) => ({ key, operator: 'In', values: [value] });

  test('and of two single terms is one term holding both requirements', () => {
    expect(A.and(B).toNodeSelectorTerms()).toEqual([{ matchExpressions: [req('a', '1'), req('b', '2')] }]);
  });

  test('or concatenates the terms', () => {
    expect(A.or(B).toNodeSelectorTerms()).toEqual([{ matchExpressions: [req('a', '1')] }, { matchExpressions: [req('b', '2')] }]);
  });

  test('(A or B) and C is [A, C] or [B, C]', () => {
    expect(A.or(B).and(C).toNodeSelectorTerms()).toEqual([
      { matchExpressions: [req('a', '1'), req('c', '3')] },
      { matchExpressions: [req('b', '2'), req('c', '3')] },
    ]);
  });

  test('C and (A or B) is [C, A] or [C, B]', () => {
    expect(C.and(A.or(B)).toNodeSelectorTerms()).toEqual([
      { matchExpressions: [req('c', '3'), req('a', '1')] },
      { matchExpressions: [req('c', '3'), req('b', '2')] },
    ]);
  });

  test('(A or B) and (C or D) is the cross product of four terms', () => {
    const terms = A.or(B).and(C.or(D)).toNodeSelectorTerms();
    expect(terms).toEqual([
      { matchExpressions: [req('a', '1'), req('c', '3')] },
      { matchExpressions: [req('a', '1'), req('d', '4')] },
      { matchExpressions: [req('b', '2'), req('c', '3')] },
      { matchExpressions: [req('b', '2'), req('d', '4')] },
    ]);
    expect(validateDaemonSet(daemonOn(A.or(B).and(C.or(D))))).toEqual([]);
  });

  test('and with several filters at once', () => {
    expect(A.and(B, C).toNodeSelectorTerms()).toEqual([{ matchExpressions: [req('a', '1'), req('b', '2'), req('c', '3')] }]);
  });

  test('or with several filters at once', () => {
    expect(A.or(B, C).toNodeSelectorTerms()).toHaveLength(3);
  });

  test('named nodes or a label keeps one value per field term', () => {
    expect(NodeFilter.named('node-a', 'node-b').and(A).toNodeSelectorTerms()).toEqual([
      { matchExpressions: [req('a', '1')], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-a'] }] },
      { matchExpressions: [req('a', '1')], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-b'] }] },
    ]);
  });

  test('allOf equals chaining and', () => {
    expect(NodeFilter.allOf(A, B, C).toNodeSelectorTerms()).toEqual(A.and(B).and(C).toNodeSelectorTerms());
    expect(NodeFilter.allOf(A).toNodeSelectorTerms()).toEqual(A.toNodeSelectorTerms());
  });

  test('anyOf equals chaining or', () => {
    expect(NodeFilter.anyOf(A, B, C).toNodeSelectorTerms()).toEqual([
      { matchExpressions: [req('a', '1')] },
      { matchExpressions: [req('b', '2')] },
      { matchExpressions: [req('c', '3')] },
    ]);
    expect(NodeFilter.anyOf(A).toNodeSelectorTerms()).toEqual(A.toNodeSelectorTerms());
  });

  test('combining does not change the filters combined', () => {
    const either = A.or(B);
    either.and(C);
    A.or(D);
    expect(A.toNodeSelectorTerms()).toEqual([{ matchExpressions: [req('a', '1')] }]);
    expect(either.toNodeSelectorTerms()).toHaveLength(2);
  });

  test('editing a returned requirement does not change the filter', () => {
    const terms = A.toNodeSelectorTerms();
    (terms[0].matchExpressions![0] as { key: string }).key = 'mutated';
    terms[0].matchExpressions!.push(req('z', '9') as NodeSelectorRequirement);
    terms.push({});
    expect(A.toNodeSelectorTerms()).toEqual([{ matchExpressions: [req('a', '1')] }]);
  });
});

describe('NodeFilter.gpu', () => {
  test('selects nodes with nvidia.com/gpu.present and tolerates the nvidia.com/gpu taint with any effect', () => {
    const gpu = NodeFilter.gpu();
    expect(gpu.toNodeSelectorTerms()).toEqual([labelTerm('nvidia.com/gpu.present', 'Exists')]);
    expect(gpu.tolerations.map((t) => t.toJson())).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists' }]);
    expect(gpu.tolerations[0].toJson()).not.toHaveProperty('effect');
  });

  test('options override the label and the taint key', () => {
    const gpu = NodeFilter.gpu({ label: 'cloud.google.com/gke-accelerator', taintKey: 'example.com/gpu' });
    expect(gpu.toNodeSelectorTerms()).toEqual([labelTerm('cloud.google.com/gke-accelerator', 'Exists')]);
    expect(gpu.tolerations.map((t) => t.toJson())).toEqual([{ key: 'example.com/gpu', operator: 'Exists' }]);
  });

  test('the tolerations getter returns a copy', () => {
    const gpu = NodeFilter.gpu();
    gpu.tolerations.push(Toleration.everything());
    expect(gpu.tolerations).toHaveLength(1);
  });
});

describe('tolerations through and / or', () => {
  const gpu = NodeFilter.gpu();
  const tainted = NodeFilter.labelEquals('pool', 'infra');
  const keys = (filter: NodeFilter) => filter.tolerations.map((t) => t.toJson());

  test('and keeps the GPU toleration of either side', () => {
    expect(keys(gpu.and(NodeFilter.linux()))).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists' }]);
    expect(keys(NodeFilter.linux().and(gpu))).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists' }]);
  });

  test('or keeps the GPU toleration of either side', () => {
    expect(keys(tainted.or(gpu))).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists' }]);
    expect(keys(NodeFilter.anyOf(tainted, gpu))).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists' }]);
  });

  test('tolerations of both sides are unioned', () => {
    const other = NodeFilter.gpu({ label: 'example.com/tpu', taintKey: 'example.com/tpu' });
    expect(keys(gpu.or(other))).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists' },
      { key: 'example.com/tpu', operator: 'Exists' },
    ]);
    expect(keys(NodeFilter.allOf(gpu, NodeFilter.linux(), other))).toEqual([
      { key: 'nvidia.com/gpu', operator: 'Exists' },
      { key: 'example.com/tpu', operator: 'Exists' },
    ]);
  });

  test('filters without tolerations combine to none', () => {
    expect(tainted.and(NodeFilter.linux()).or(NodeFilter.windows()).tolerations).toEqual([]);
  });

  test('a combined GPU filter places the toleration in the DaemonSet once', () => {
    const manifest = daemonOn(gpu.and(NodeFilter.linux()).or(gpu.and(NodeFilter.architecture('arm64'))));
    expect(manifest.spec?.template.spec?.tolerations).toEqual([{ key: 'nvidia.com/gpu', operator: 'Exists' }]);
    expect(validateDaemonSet(manifest)).toEqual([]);
  });
});
