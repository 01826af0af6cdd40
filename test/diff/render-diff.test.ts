import { agent, rollingUpdate, workers } from './fixtures';
import { diffPlacement, renderDiff } from '../../src';

/** 340 general nodes, 12 in a pool being retired, 3 in a new one. */
const CLUSTER = [...workers(340), ...workers(12, 'old', 'old'), ...workers(3, 'new', 'new')];

function inPools(pools: string[], image: string) {
  return agent('fluent-bit', {
    image,
    updateStrategy: rollingUpdate(10),
    podSpec: {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In', values: pools }] }] },
        },
      },
    },
  });
}

const DIFF = diffPlacement([inPools(['general', 'old'], 'fluent-bit:3.2.0')], [inPools(['general', 'new'], 'fluent-bit:3.2.1')], CLUSTER);

describe('markdown, for a pull-request comment', () => {
  const markdown = renderDiff(DIFF, 'markdown');

  test('opens with one summary line per DaemonSet: nodes gained and lost, pods restarted and waves', () => {
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      '**everynode diff**: 1 DaemonSet changes',
      '',
      '- `agents/fluent-bit`: +3 nodes, -12 nodes, 340 pods restart in 34 waves',
    ]);
  });

  test('folds a node list longer than 10 into <details>, and lists a short one inline', () => {
    expect(markdown).toContain('- **Gains a pod on 3 nodes:** `new-1`, `new-2`, `new-3`');
    const lostNodes = Array.from({ length: 12 }, (_, i) => `\`old-${i + 1}\``).join(', ');
    expect(markdown).toContain(`: <details><summary>12 nodes</summary>\n\n${lostNodes}\n\n</details>`);
  });

  test('lists at most 50 nodes, saying how many more there are: a comment over 65,536 characters is refused', () => {
    const removed = renderDiff(diffPlacement([agent('old')], [], workers(60)), 'markdown');
    expect(removed).toContain('`worker-50` and 10 more (`--output json` lists every node)');
    expect(removed).not.toContain('`worker-51`');
    expect(renderDiff(diffPlacement([agent('old')], [], workers(60)))).toContain('worker-59, worker-60');
  });

  test('groups the lost nodes by their reasons', () => {
    expect(markdown).toContain("  - required node affinity: pool In [general,new] fails (node: 'old'): <details>");
  });
});

describe('text, for a terminal (the default)', () => {
  const text = renderDiff(DIFF);

  test('the same summary line, then the nodes wrapped to 100 columns', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('agents/fluent-bit: +3 nodes, -12 nodes, 340 pods restart in 34 waves');
    expect(lines).toContain('  gains a pod on 3 nodes: new-1, new-2, new-3');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(lines).toContain('  The pod template changed: RollingUpdate replaces 340 pods in 34 waves (maxUnavailable 10).');
  });

  test('says when nothing changes', () => {
    const same = diffPlacement([agent('logs')], [agent('logs')], workers(2));
    expect(renderDiff(same)).toBe('1 DaemonSet unchanged.\n');
    expect(renderDiff(same, 'markdown')).toBe('**everynode diff**: 0 DaemonSets change, 1 unchanged\n\n');
  });
});
