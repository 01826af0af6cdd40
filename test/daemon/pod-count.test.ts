import { Chart, Testing } from 'cdk8s';
import { NodeDaemon, PodCount, Rollout } from '../../src/cdk8s';

/** The rollingUpdate of the DaemonSet a NodeDaemon synthesizes with these options; construction errors are thrown. */
function synthesized(options: { maxUnavailable?: PodCount; maxSurge?: PodCount }): unknown {
  const chart = new Chart(Testing.app(), 'test');
  new NodeDaemon(chart, 'agent', { image: 'busybox:1.36', rollout: Rollout.rollingUpdate(options) });
  return Testing.synth(chart)[0].spec.updateStrategy.rollingUpdate;
}

describe('PodCount', () => {
  test.each<[string, PodCount, number | string]>([
    ['absolute(1)', PodCount.absolute(1), 1],
    ['absolute(0) beside a surge', PodCount.absolute(0), 0],
    ['absolute(3)', PodCount.absolute(3), 3],
    ['percent(10)', PodCount.percent(10), '10%'],
    ['percent(100)', PodCount.percent(100), '100%'],
    ['percent(0) beside a surge', PodCount.percent(0), '0%'],
  ])('%s is written as the int-or-string Kubernetes reads', (_, count, written) => {
    const surge = written === 0 || written === '0%' ? PodCount.absolute(1) : undefined;
    expect(synthesized({ maxUnavailable: count, maxSurge: surge })).toEqual({ maxUnavailable: written, maxSurge: surge ? 1 : 0 });
  });

  test('a percent surge is written as a percent string, and maxUnavailable as 0', () => {
    expect(synthesized({ maxSurge: PodCount.percent(25) })).toEqual({ maxUnavailable: 0, maxSurge: '25%' });
  });

  test.each<[PodCount, string]>([
    [PodCount.absolute(2), 'PodCount.absolute(2)'],
    [PodCount.percent(10), 'PodCount.percent(10)'],
  ])('reads as the factory call that made it: %s', (count, text) => {
    expect(String(count)).toBe(text);
  });

  test.each<[string, { maxUnavailable?: PodCount; maxSurge?: PodCount }, string]>([
    ['a negative count', { maxUnavailable: PodCount.absolute(-1) }, 'rollout.maxUnavailable: must be a whole number of pods, 0 or more (got PodCount.absolute(-1))'],
    ['a fractional count', { maxSurge: PodCount.absolute(0.5) }, 'rollout.maxSurge: must be a whole number of pods, 0 or more (got PodCount.absolute(0.5))'],
    ['a count that is not a number', { maxUnavailable: PodCount.absolute(NaN) }, 'rollout.maxUnavailable: must be a whole number of pods, 0 or more (got PodCount.absolute(NaN))'],
    ['a percent above 100', { maxUnavailable: PodCount.percent(101) }, 'rollout.maxUnavailable: must be a whole percent from 0 to 100 (got PodCount.percent(101))'],
    ['a negative percent', { maxSurge: PodCount.percent(-5) }, 'rollout.maxSurge: must be a whole percent from 0 to 100 (got PodCount.percent(-5))'],
    ['a fractional percent', { maxUnavailable: PodCount.percent(7.5) }, 'rollout.maxUnavailable: must be a whole percent from 0 to 100 (got PodCount.percent(7.5))'],
  ])('a construct given %s fails, naming the prop and the count', (_, options, message) => {
    expect(() => synthesized(options)).toThrow(`NodeDaemon 'test/agent': ${message}`);
  });
});
