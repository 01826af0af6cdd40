/*
 * Whether a decoded object is plain data decides whether the cdk8s adapter must check it again
 * at synthesis (a class instance such as a `Lazy` may resolve into anything there).
 */
import { daemonSet } from './daemon-set';
import { decodeObject } from '../../src/validation/schema/decode-object';

/** The minimal DaemonSet changed by `mutate`, parsed here: structuredClone would make objects of another realm, whose prototypes differ. */
function parsed(mutate?: (ds: any) => void): unknown {
  const ds = JSON.parse(JSON.stringify(daemonSet()));
  mutate?.(ds);
  return ds;
}

class Later {
  constructor(readonly produce: () => unknown) {}
}

describe('decodeObject: plain data', () => {
  test('a parsed DaemonSet is plain data', () => {
    expect(decodeObject(parsed(), 'apps/v1 DaemonSet').plainData).toBe(true);
  });

  test.each<[string, (ds: any) => void]>([
    ['in a struct position', (ds) => { ds.spec.template.spec.securityContext = new Later(() => ({})); }],
    ['under an unknown field', (ds) => { ds.spec.template.spec.containers[0].later = new Later(() => 'x'); }],
    ['in a free-form field (fieldsV1)', (ds) => { ds.metadata.managedFields = [{ fieldsV1: { 'f:spec': new Later(() => ({})) } }]; }],
  ])('a class instance %s is not', (_, mutate) => {
    expect(decodeObject(parsed(mutate), 'apps/v1 DaemonSet').plainData).toBe(false);
  });
});
