import { PodCount, RollingUpdateOptions, Rollout, validateDaemonSet } from '../../src';
import { buildDaemonSet } from '../../src/daemon';

/** A DaemonSet with nothing but the rollout under test. */
function daemonSetWith(rollout: Rollout) {
  return buildDaemonSet('NodeDaemon test/agent', 'agent', { image: 'busybox:1.36', rollout });
}

describe('Rollout.rollingUpdate', () => {
  test('by default replaces one pod at a time and never surges', () => {
    expect(Rollout.rollingUpdate().toJson()).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
  });

  test('is what a DaemonSet gets when no rollout is given', () => {
    const manifest = buildDaemonSet('NodeDaemon test/agent', 'agent', { image: 'busybox:1.36' });
    expect(manifest.spec?.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
  });

  test('with only maxSurge writes maxUnavailable 0, which the API server would otherwise default to 1', () => {
    const rollout = Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) });
    expect(rollout.toJson()).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    expect(rollout._problems('rollout')).toEqual([]);

    const manifest = daemonSetWith(rollout);
    expect(manifest.spec?.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    expect(validateDaemonSet(manifest)).toEqual([]);
  });

  test('a hand-written strategy with only maxSurge is what the API server rejects', () => {
    // The reason toJson writes maxUnavailable 0: without it the API server defaults it to 1.
    const manifest = daemonSetWith(Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) }));
    const handWritten = { ...manifest, spec: { ...manifest.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    expect(validateDaemonSet(handWritten).map((e) => e.field)).toEqual(['spec.updateStrategy.rollingUpdate.maxSurge']);
  });

  test('with a percent maxSurge writes maxUnavailable 0', () => {
    expect(Rollout.rollingUpdate({ maxSurge: PodCount.percent(10) }).toJson()).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: '10%' },
    });
  });

  test('writes a percent as the percent string Kubernetes reads', () => {
    const rollout = Rollout.rollingUpdate({ maxUnavailable: PodCount.percent(25) });
    expect(rollout.toJson()).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 0 } });
    expect(rollout._problems('rollout')).toEqual([]);
    expect(validateDaemonSet(daemonSetWith(rollout))).toEqual([]);
  });

  test('writes an explicit maxUnavailable as given', () => {
    expect(Rollout.rollingUpdate({ maxUnavailable: PodCount.absolute(3) }).toJson()).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 3, maxSurge: 0 },
    });
  });
});

describe('Rollout.onDelete', () => {
  test('writes only the type', () => {
    const rollout = Rollout.onDelete();
    expect(rollout.toJson()).toEqual({ type: 'OnDelete' });
    expect(rollout._problems('rollout')).toEqual([]);
  });

  test('builds a DaemonSet the API server accepts', () => {
    const manifest = daemonSetWith(Rollout.onDelete());
    expect(manifest.spec?.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(validateDaemonSet(manifest)).toEqual([]);
  });
});

describe('Rollout.problems', () => {
  const { absolute, percent } = PodCount;
  const invalid: Array<[string, RollingUpdateOptions, string]> = [
    ['a negative maxUnavailable', { maxUnavailable: absolute(-1) }, 'rollout.maxUnavailable'],
    ['a negative maxSurge', { maxSurge: absolute(-2) }, 'rollout.maxSurge'],
    ['a fractional maxUnavailable', { maxUnavailable: absolute(1.5) }, 'rollout.maxUnavailable'],
    ['a fractional maxSurge', { maxSurge: absolute(1.5) }, 'rollout.maxSurge'],
    ['a fractional percent', { maxUnavailable: percent(12.5) }, 'rollout.maxUnavailable'],
    ['a negative percent', { maxSurge: percent(-10) }, 'rollout.maxSurge'],
    ['a percent above 100', { maxUnavailable: percent(101) }, 'rollout.maxUnavailable'],
    ['a surge percent above 100', { maxSurge: percent(101) }, 'rollout.maxSurge'],
    ['both zero', { maxUnavailable: absolute(0), maxSurge: absolute(0) }, 'rollout.maxUnavailable'],
    ['both zero percent', { maxUnavailable: percent(0), maxSurge: percent(0) }, 'rollout.maxUnavailable'],
    ['only maxUnavailable 0 (maxSurge defaults to 0)', { maxUnavailable: absolute(0) }, 'rollout.maxUnavailable'],
    ['both non-zero', { maxUnavailable: absolute(1), maxSurge: absolute(1) }, 'rollout.maxSurge'],
    ['both non-zero percents', { maxUnavailable: percent(10), maxSurge: percent(20) }, 'rollout.maxSurge'],
  ];

  test.each(invalid)('reports %s', (_, options, field) => {
    const problems = Rollout.rollingUpdate(options)._problems('rollout');
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(field);
    expect(problems[0].message).not.toBe('');
  });

  test.each(invalid)('buildDaemonSet rejects %s, naming the prop', (_, options, field) => {
    expect(() => daemonSetWith(Rollout.rollingUpdate(options))).toThrow(`${field}: `);
  });

  test.each(invalid)('the API server would reject %s too', (_, options) => {
    const valid = daemonSetWith(Rollout.rollingUpdate());
    const written = { ...valid, spec: { ...valid.spec, updateStrategy: Rollout.rollingUpdate(options).toJson() } };
    expect(validateDaemonSet(written).map((e) => e.field)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^spec\.updateStrategy\.rollingUpdate\.max(Unavailable|Surge)$/)]),
    );
  });

  test('names the prop under the given field', () => {
    expect(Rollout.rollingUpdate({ maxSurge: PodCount.absolute(-1) })._problems('spec.rollout').map((p) => p.field)).toEqual(['spec.rollout.maxSurge']);
  });

  test('reports both numbers when both are malformed', () => {
    expect(Rollout.rollingUpdate({ maxUnavailable: percent(150), maxSurge: absolute(-1) })._problems('rollout').map((p) => p.field)).toEqual([
      'rollout.maxUnavailable',
      'rollout.maxSurge',
    ]);
  });

  test('names the offending count as it was written', () => {
    const [problem] = Rollout.rollingUpdate({ maxUnavailable: percent(150) })._problems('rollout');
    expect(problem.message).toBe('must be a whole percent from 0 to 100 (got PodCount.percent(150))');
  });

  test.each<[string, unknown]>([
    ['a percent string', '10%'],
    ['a number', 1],
  ])('names the prop when given %s instead of a PodCount, as JavaScript callers of the old API would', (_, count) => {
    const options = { maxUnavailable: count } as unknown as RollingUpdateOptions;
    expect(Rollout.rollingUpdate(options)._problems('rollout')).toEqual([
      {
        field: 'rollout.maxUnavailable',
        message: `must be a PodCount, e.g. PodCount.absolute(1) or PodCount.percent(10) (got ${JSON.stringify(count)})`,
      },
    ]);
    expect(() => daemonSetWith(Rollout.rollingUpdate(options))).toThrow('rollout.maxUnavailable: must be a PodCount');
  });

  const valid: Array<[string, RollingUpdateOptions]> = [
    ['no options', {}],
    ['maxUnavailable 1', { maxUnavailable: absolute(1) }],
    ['maxUnavailable 5', { maxUnavailable: absolute(5) }],
    ['maxUnavailable 100%', { maxUnavailable: percent(100) }],
    ['maxUnavailable 0%', { maxUnavailable: percent(0), maxSurge: absolute(1) }],
    ['maxSurge 1', { maxSurge: absolute(1) }],
    ['maxSurge 100%', { maxSurge: percent(100) }],
    ['maxSurge with maxUnavailable 0', { maxUnavailable: absolute(0), maxSurge: absolute(2) }],
    ['maxSurge 0 with maxUnavailable', { maxUnavailable: absolute(2), maxSurge: absolute(0) }],
  ];

  test.each(valid)('accepts %s, and the DaemonSet passes validateDaemonSet', (_, options) => {
    const rollout = Rollout.rollingUpdate(options);
    expect(rollout._problems('rollout')).toEqual([]);
    expect(validateDaemonSet(daemonSetWith(rollout))).toEqual([]);
  });
});

describe('Rollout._surges', () => {
  test.each<[string, Rollout, boolean]>([
    ['the default rolling update', Rollout.rollingUpdate(), false],
    ['maxUnavailable only', Rollout.rollingUpdate({ maxUnavailable: PodCount.absolute(2) }), false],
    ['maxSurge 0', Rollout.rollingUpdate({ maxSurge: PodCount.absolute(0) }), false],
    ['maxSurge 0%', Rollout.rollingUpdate({ maxSurge: PodCount.percent(0) }), false],
    ['maxSurge 1', Rollout.rollingUpdate({ maxSurge: PodCount.absolute(1) }), true],
    ['maxSurge 10%', Rollout.rollingUpdate({ maxSurge: PodCount.percent(10) }), true],
    ['OnDelete', Rollout.onDelete(), false],
  ])('%s', (_, rollout, surges) => {
    expect(rollout._surges).toBe(surges);
  });
});
