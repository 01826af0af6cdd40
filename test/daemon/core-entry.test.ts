/*
 * src/main.ts is what `require('everynode')` runs; src/index.ts declares the same exports. main
 * writes out the exports it loads lazily, so a new export of the placement evaluator or of the
 * API server's rules must be added there too: these tests say which.
 */
import * as declared from '../../src';
import * as runtime from '../../src/main';

test('the runtime entry exports exactly what src/index.ts declares, the same values', () => {
  expect(Object.keys(runtime).sort()).toEqual(Object.keys(declared).sort());
  for (const name of Object.keys(declared)) {
    expect([name, (runtime as Record<string, unknown>)[name]]).toEqual([name, (declared as Record<string, unknown>)[name]]);
  }
});

test('loads the API server\'s rules and the evaluator only when one of their exports is used', () => {
  const loaded: string[] = [];
  jest.isolateModules(() => {
    jest.doMock('../../src/placement', () => {
      loaded.push('placement');
      return jest.requireActual('../../src/placement');
    });
    jest.doMock('../../src/validation', () => {
      loaded.push('validation');
      return jest.requireActual('../../src/validation');
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const entry: typeof declared = require('../../src/main');
    expect(entry.Toleration.everything()).toBeDefined();
    expect(loaded).toEqual([]);

    const manifest = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'agent' }] } },
      },
    };
    expect(entry.validateDaemonSet(manifest)).toEqual([]);
    expect(loaded).toEqual(['validation']);

    expect(entry.evaluatePlacement([manifest], [entry.node('worker-1')]).daemonSets[0].placements[0].shouldRun).toBe(true);
    expect(loaded).toEqual(['validation', 'placement']);
  });
});

test('loads the selector collision check only when it is used; its annotation\'s name costs nothing', () => {
  const loaded: string[] = [];
  jest.isolateModules(() => {
    jest.doMock('../../src/collisions', () => {
      loaded.push('collisions');
      return jest.requireActual('../../src/collisions');
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const entry: typeof declared = require('../../src/main');
    expect(entry.SELECTED_BY_ANNOTATION).toBe('everynode.io/selected-by');
    expect(loaded).toEqual([]);
    expect(entry.checkSelectorCollisions([])).toEqual([]);
    expect(loaded).toEqual(['collisions']);
  });
});
