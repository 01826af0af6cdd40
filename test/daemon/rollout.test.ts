import { PodCountOrPercent, Rollout, validateDaemonSet } from '../../src';
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
    const rollout = Rollout.rollingUpdate({ maxSurge: 1 });
    expect(rollout.toJson()).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    expect(rollout.problems('rollout')).toEqual([]);

    const manifest = daemonSetWith(rollout);
    expect(manifest.spec?.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
    expect(validateDaemonSet(manifest)).toEqual([]);
  });

  test('a hand-written strategy with only maxSurge is what the API server rejects', () => {
    // The reason toJson writes maxUnavailable 0: without it the API server defaults it to 1.
    const manifest = daemonSetWith(Rollout.rollingUpdate({ maxSurge: 1 }));
    const handWritten = { ...manifest, spec: { ...manifest.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } };
    expect(validateDaemonSet(handWritten).map((e) => e.field)).toEqual(['spec.updateStrategy.rollingUpdate.maxSurge']);
  });

  test('with a percent maxSurge writes maxUnavailable 0', () => {
    expect(Rollout.rollingUpdate({ maxSurge: '10%' }).toJson()).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: '10%' },
    });
  });

  test('keeps percent strings as strings', () => {
    const rollout = Rollout.rollingUpdate({ maxUnavailable: '25%' });
    expect(rollout.toJson()).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 0 } });
    expect(rollout.problems('rollout')).toEqual([]);
    expect(validateDaemonSet(daemonSetWith(rollout))).toEqual([]);
  });

  test('writes an explicit maxUnavailable as given', () => {
    expect(Rollout.rollingUpdate({ maxUnavailable: 3 }).toJson()).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 3, maxSurge: 0 },
    });
  });

  test('strategy is RollingUpdate', () => {
    expect(Rollout.rollingUpdate().strategy).toBe('RollingUpdate');
  });
});

describe('Rollout.onDelete', () => {
  test('writes only the type', () => {
    const rollout = Rollout.onDelete();
    expect(rollout.toJson()).toEqual({ type: 'OnDelete' });
    expect(rollout.strategy).toBe('OnDelete');
    expect(rollout.problems('rollout')).toEqual([]);
  });

  test('builds a DaemonSet the API server accepts', () => {
    const manifest = daemonSetWith(Rollout.onDelete());
    expect(manifest.spec?.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(validateDaemonSet(manifest)).toEqual([]);
  });
});

describe('Rollout.problems', () => {
  const invalid: Array<[string, { maxUnavailable?: PodCountOrPercent; maxSurge?: PodCountOrPercent }, string]> = [
    ['a negative maxUnavailable', { maxUnavailable: -1 }, 'rollout.maxUnavailable'],
    ['a negative maxSurge', { maxSurge: -2 }, 'rollout.maxSurge'],
    ['a fractional maxUnavailable', { maxUnavailable: 1.5 }, 'rollout.maxUnavailable'],
    ['a fractional maxSurge', { maxSurge: 1.5 }, 'rollout.maxSurge'],
    ['a numeric string without %', { maxUnavailable: '10' }, 'rollout.maxUnavailable'],
    ['a non-numeric string', { maxSurge: 'abc' }, 'rollout.maxSurge'],
    ['a percent above 100', { maxUnavailable: '101%' }, 'rollout.maxUnavailable'],
    ['a surge percent above 100', { maxSurge: '101%' }, 'rollout.maxSurge'],
    ['both zero', { maxUnavailable: 0, maxSurge: 0 }, 'rollout.maxUnavailable'],
    ['both zero percent', { maxUnavailable: '0%', maxSurge: '0%' }, 'rollout.maxUnavailable'],
    ['only maxUnavailable 0 (maxSurge defaults to 0)', { maxUnavailable: 0 }, 'rollout.maxUnavailable'],
    ['both non-zero', { maxUnavailable: 1, maxSurge: 1 }, 'rollout.maxSurge'],
    ['both non-zero percents', { maxUnavailable: '10%', maxSurge: '20%' }, 'rollout.maxSurge'],
  ];

  test.each(invalid)('reports %s', (_, options, field) => {
    const problems = Rollout.rollingUpdate(options).problems('rollout');
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
    expect(Rollout.rollingUpdate({ maxSurge: -1 }).problems('spec.rollout').map((p) => p.field)).toEqual(['spec.rollout.maxSurge']);
  });

  test('reports both numbers when both are malformed', () => {
    expect(Rollout.rollingUpdate({ maxUnavailable: 'x', maxSurge: -1 }).problems('rollout').map((p) => p.field)).toEqual([
      'rollout.maxUnavailable',
      'rollout.maxSurge',
    ]);
  });

  test('quotes the offending value', () => {
    const [problem] = Rollout.rollingUpdate({ maxUnavailable: '10' }).problems('rollout');
    expect(problem.message).toContain('"10"');
  });

  const valid: Array<[string, { maxUnavailable?: PodCountOrPercent; maxSurge?: PodCountOrPercent }]> = [
    ['no options', {}],
    ['maxUnavailable 1', { maxUnavailable: 1 }],
    ['maxUnavailable 5', { maxUnavailable: 5 }],
    ['maxUnavailable 100%', { maxUnavailable: '100%' }],
    ['maxUnavailable 0%', { maxUnavailable: '0%', maxSurge: 1 }],
    ['maxSurge 1', { maxSurge: 1 }],
    ['maxSurge 100%', { maxSurge: '100%' }],
    ['maxSurge with maxUnavailable 0', { maxUnavailable: 0, maxSurge: 2 }],
    ['maxSurge 0 with maxUnavailable', { maxUnavailable: 2, maxSurge: 0 }],
  ];

  test.each(valid)('accepts %s, and the DaemonSet passes validateDaemonSet', (_, options) => {
    const rollout = Rollout.rollingUpdate(options);
    expect(rollout.problems('rollout')).toEqual([]);
    expect(validateDaemonSet(daemonSetWith(rollout))).toEqual([]);
  });
});

describe('Rollout.surges', () => {
  test.each<[string, Rollout, boolean]>([
    ['the default rolling update', Rollout.rollingUpdate(), false],
    ['maxUnavailable only', Rollout.rollingUpdate({ maxUnavailable: 2 }), false],
    ['maxSurge 0', Rollout.rollingUpdate({ maxSurge: 0 }), false],
    ['maxSurge 0%', Rollout.rollingUpdate({ maxSurge: '0%' }), false],
    ['maxSurge 1', Rollout.rollingUpdate({ maxSurge: 1 }), true],
    ['maxSurge 10%', Rollout.rollingUpdate({ maxSurge: '10%' }), true],
    ['OnDelete', Rollout.onDelete(), false],
  ])('%s', (_, rollout, surges) => {
    expect(rollout.surges).toBe(surges);
  });
});
