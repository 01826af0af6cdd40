import * as pulumi from '@pulumi/pulumi';
import { node } from '../../src';
import { evaluatePulumiProgram, MasterTolerant, NodeDaemon, NodeFilter, NodeFilteredDaemon } from '../../src/pulumi';

/*
 * Warnings come from checkDaemonSet: an image no registry accepts (InvalidImageReference) and a
 * Gt term whose value is no integer (NonIntegerComparison, here from a float given to
 * labelGreaterThan) are two it reports.
 */
const NODES = [node('worker-1')];
const IMAGE_WARNING = /^spec\.template\.spec\.containers\[0\]\.image: .*Fluent\/Fluent-Bit/;

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(pulumi.log, 'warn').mockResolvedValue(undefined);
});
afterEach(() => warn.mockRestore());

describe('a component logs its warnings with pulumi.log.warn, against itself', () => {
  test('what its props make', async () => {
    let agent: MasterTolerant | undefined;
    await evaluatePulumiProgram(() => {
      agent = new MasterTolerant('fluent-bit', { image: 'Fluent/Fluent-Bit:3.2' });
      new NodeDaemon('fine', { image: 'busybox' });
    }, NODES);
    expect(warn.mock.calls).toEqual([[expect.stringMatching(IMAGE_WARNING), agent]]);
  });

  test('what an output image makes, once it resolves, and the rest once', async () => {
    let agent: NodeFilteredDaemon | undefined;
    await evaluatePulumiProgram(() => {
      agent = new NodeFilteredDaemon('plugin', {
        image: pulumi.output('Fluent/Fluent-Bit:3.2'),
        nodes: NodeFilter.labelGreaterThan('gpu-count', 1.5),
      });
    }, NODES);
    expect(warn.mock.calls).toEqual([
      [expect.stringMatching(/nodeSelectorTerms\[0\]\.matchExpressions\[0\]\.values\[0\]: /), agent],
      [expect.stringMatching(IMAGE_WARNING), agent],
    ]);
  });
});
