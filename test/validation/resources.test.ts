import { container, expectAccepted, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const RESOURCES = `${TEMPLATE_SPEC}.containers[0].resources`;

function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

const withResources = (resources: Manifest): Mutator => (ds) => { container(ds).resources = resources; };

describe('ValidateContainerResourceRequirements: requests may not exceed limits', () => {
  it.each<[string, Manifest]>([
    ['requests equal to limits', { requests: { cpu: '500m', memory: '128Mi' }, limits: { cpu: '0.5', memory: '128Mi' } }],
    ['requests below limits', { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1, memory: '1Gi' } }],
    ['limits only', { limits: { cpu: '2', memory: '2G' } }],
    ['requests only', { requests: { 'cpu': '250m', 'ephemeral-storage': '1Gi' } }],
    ['a request above its limit by less than a milli-unit (both round up to 2m)', { requests: { cpu: '0.0019' }, limits: { cpu: '0.0015' } }],
    ['a GPU with requests equal to limits', { requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': '1' } }],
    ['a GPU with limits only', { limits: { 'nvidia.com/gpu': 2 } }],
    ['hugepages beside memory', { limits: { 'hugepages-2Mi': '100Mi', 'memory': '200Mi' } }],
    ['a kubernetes.io-prefixed resource', { limits: { 'kubernetes.io/batteries': '1' } }],
  ])('accepts %s', (_, resources) => {
    expectAccepted(validate(withResources(resources)), RESOURCES);
  });

  // Upstream names `requests`, not `requests[cpu]`, and prints both sides in canonical form.
  it.each<[string, Manifest, Partial<FieldError>]>([
    ['a cpu request above its limit', { requests: { cpu: '1' }, limits: { cpu: '0.5' } },
      { field: `${RESOURCES}.requests`, type: 'Invalid', value: '1', message: 'must be less than or equal to cpu limit of 500m' }],
    ['a memory request above its limit in other units', { requests: { memory: '1Gi' }, limits: { memory: '1G' } },
      { field: `${RESOURCES}.requests`, type: 'Invalid', value: '1Gi', message: 'must be less than or equal to memory limit of 1G' }],
    ['a GPU request below its limit', { requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 2 } },
      { field: `${RESOURCES}.requests`, type: 'Invalid', value: '1', message: 'must be equal to nvidia.com/gpu limit of 2' }],
    ['a GPU request without a limit', { requests: { 'nvidia.com/gpu': 1 } },
      { field: `${RESOURCES}.limits`, type: 'Required', message: 'Limit must be set for non overcommitable resources' }],
  ])('rejects %s', (_, resources, expected) => {
    expectOnly(withResources(resources), expected);
  });

  it('checks init containers too', () => {
    expectOnly((ds) => {
      podSpec(ds).initContainers = [{ name: 'init', image: 'busybox', resources: { requests: { memory: '2Gi' }, limits: { memory: '1Gi' } } }];
    }, { field: `${TEMPLATE_SPEC}.initContainers[0].resources.requests`, type: 'Invalid', message: 'must be less than or equal to memory limit of 1Gi' });
  });
});

describe('ValidateResourceQuantityValue and the resource names (validateContainerResourceName)', () => {
  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['a negative cpu', { requests: { cpu: '-100m' } },
      [{ field: `${RESOURCES}.requests[cpu]`, type: 'Invalid', value: '-100m', message: 'must be greater than or equal to 0' }]],
    ['a fractional GPU', { limits: { 'nvidia.com/gpu': '0.5' } },
      [{ field: `${RESOURCES}.limits[nvidia.com/gpu]`, type: 'Invalid', value: '500m', message: 'must be an integer' }]],
    ['an unqualified unknown resource', { limits: { gpu: '1' } }, [
      { field: `${RESOURCES}.limits[gpu]`, type: 'Invalid', message: 'must be a standard resource type or fully qualified', value: 'gpu' },
      { field: `${RESOURCES}.limits[gpu]`, type: 'Invalid', message: 'must be a standard resource for containers', value: 'gpu' },
    ]],
    ['a quota resource in a container', { limits: { pods: '1' } },
      [{ field: `${RESOURCES}.limits[pods]`, type: 'Invalid', message: 'must be a standard resource for containers' }]],
    ['an extended resource named requests.*', { limits: { 'example.com/a': '1', 'requests.example.com/b': '1' } }, [
      { field: `${RESOURCES}.limits[requests.example.com/b]`, type: 'Invalid', message: "doesn't follow extended resource name standard" },
    ]],
  ])('rejects %s', (_, resources, expected) => {
    expectOnly(withResources(resources), ...expected);
  });
});

describe('validateResourceQuantityHugePageValue and the hugepages rules of validateResourceRequirements', () => {
  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['hugepages that are not a whole number of pages', { limits: { 'hugepages-2Mi': '3Mi', 'memory': '1Gi' } },
      [{ field: `${RESOURCES}.limits[hugepages-2Mi]`, type: 'Invalid', value: '3Mi', message: '3Mi is not positive integer multiple of hugepages-2Mi' }]],
    ['hugepages without cpu or memory', { limits: { 'hugepages-1Gi': '2Gi' } },
      [{ field: RESOURCES, type: 'Forbidden', message: 'HugePages require cpu or memory' }]],
    ['a hugepages request without a limit', { requests: { 'hugepages-2Mi': '2Mi', 'memory': '1Gi' } },
      [{ field: `${RESOURCES}.limits`, type: 'Required', message: 'Limit must be set for non overcommitable resources' }]],
  ])('rejects %s', (_, resources, expected) => {
    expectOnly(withResources(resources), ...expected);
  });
});
