/*
 * cdk8s and constructs are optional peer dependencies: a user of the core (validation, the model)
 * or of another framework must be able to load `everynode` without them.
 */
describe('the core entry point', () => {
  afterEach(() => jest.resetModules());

  test('loads when cdk8s and constructs are not installed', () => {
    jest.isolateModules(() => {
      jest.doMock('cdk8s', () => {
        throw new Error("Cannot find module 'cdk8s'");
      });
      jest.doMock('constructs', () => {
        throw new Error("Cannot find module 'constructs'");
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const core = require('../../src');
      expect(typeof core.validateDaemonSet).toBe('function');
      expect(core.Toleration.everything().toJson()).toEqual({ operator: 'Exists' });
    });
  });
});
