import { container, expectAccepted, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const PORTS = `${TEMPLATE_SPEC}.containers[0].ports`;

/** Asserts that exactly these errors are reported, in this order. */
function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

const withPorts = (...ports: Manifest[]): Mutator => (ds) => { container(ds).ports = ports; };

describe('validateContainerPorts: port names (IsValidPortName) and their uniqueness', () => {
  it.each<[string]>([['http'], ['metrics'], ['h2c'], ['a'], ['web-ui'], ['p-123456789-abc']])('accepts the name %j', (name) => {
    expectAccepted(validate(withPorts({ name, containerPort: 8080 })), PORTS);
  });

  it('accepts the same name in two containers (uniqueness is per container)', () => {
    expectAccepted(validate((ds) => {
      container(ds).ports = [{ name: 'metrics', containerPort: 9100 }];
      podSpec(ds).containers.push({ name: 'sidecar', image: 'busybox', ports: [{ name: 'metrics', containerPort: 9101 }] });
    }), TEMPLATE_SPEC);
  });

  it.each<[string, string, string[]]>([
    ['longer than 15 characters', 'prometheus-metrics', ['must be no more than 15 characters']],
    ['in upper case', 'HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['made of digits', '8080', ['must contain at least one letter (a-z)']],
    ['with an underscore', 'http_alt', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['with two hyphens in a row', 'http--alt', ['must not contain consecutive hyphens']],
    ['ending with a hyphen', 'http-', ['must not begin or end with a hyphen']],
  ])('rejects a name %s with one error per broken rule', (_, name, messages) => {
    expectOnly(withPorts({ name, containerPort: 8080 }), ...messages.map((message) => ({ field: `${PORTS}[0].name`, type: 'Invalid' as const, message, value: name })));
  });

  it('rejects the same name twice in one container as Duplicate on the second', () => {
    expectOnly(withPorts({ name: 'metrics', containerPort: 9100 }, { name: 'metrics', containerPort: 9101 }),
      { field: `${PORTS}[1].name`, type: 'Duplicate', value: 'metrics' });
  });

  it('does not count an invalid name towards uniqueness', () => {
    expectOnly(withPorts({ name: 'Http1', containerPort: 80 }, { name: 'Http1', containerPort: 81 }),
      { field: `${PORTS}[0].name`, type: 'Invalid' },
      { field: `${PORTS}[1].name`, type: 'Invalid' });
  });
});

describe('validateContainerPorts: containerPort, hostPort, protocol', () => {
  it('accepts two ports of one number with different protocols (DNS over TCP and UDP)', () => {
    expectAccepted(validate(withPorts({ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' })), PORTS);
  });

  it.each<[string, Manifest, Partial<FieldError>]>([
    ['containerPort 0 (unset)', { containerPort: 0 }, { field: `${PORTS}[0].containerPort`, type: 'Required', message: '' }],
    ['containerPort 70000', { containerPort: 70000 }, { field: `${PORTS}[0].containerPort`, type: 'Invalid', message: 'must be between 1 and 65535, inclusive', value: 70000 }],
    ['hostPort 70000', { containerPort: 80, hostPort: 70000 }, { field: `${PORTS}[0].hostPort`, type: 'Invalid', message: 'must be between 1 and 65535, inclusive' }],
    ['protocol "tcp"', { containerPort: 80, protocol: 'tcp' }, { field: `${PORTS}[0].protocol`, type: 'NotSupported', message: 'supported values: "SCTP", "TCP", "UDP"', value: 'tcp' }],
  ])('rejects %s', (_, port, expected) => {
    expectOnly(withPorts(port), expected);
  });
});

describe('checkHostPortConflicts (AccumulateUniqueHostPorts): one host port, one owner', () => {
  it.each<[string, Mutator]>([
    ['the same hostPort with different protocols', withPorts({ containerPort: 53, hostPort: 53, protocol: 'UDP' }, { containerPort: 53, hostPort: 53, protocol: 'TCP' })],
    ['the same hostPort on different host IPs', withPorts({ containerPort: 80, hostPort: 80, hostIP: '10.0.0.1' }, { containerPort: 81, hostPort: 80, hostIP: '10.0.0.2' })],
    ['the same hostPort in two init containers (they run one at a time)', (ds) => {
      podSpec(ds).initContainers = [
        { name: 'a', image: 'busybox', ports: [{ containerPort: 80, hostPort: 8080 }] },
        { name: 'b', image: 'busybox', ports: [{ containerPort: 80, hostPort: 8080 }] },
      ];
    }],
    ['the same hostPort in an init container and a container', (ds) => {
      podSpec(ds).initContainers = [{ name: 'a', image: 'busybox', ports: [{ containerPort: 80, hostPort: 8080 }] }];
      container(ds).ports = [{ containerPort: 80, hostPort: 8080 }];
    }],
  ])('accepts %s', (_, mutate) => {
    expectAccepted(validate(mutate), TEMPLATE_SPEC);
  });

  it('rejects the same protocol and hostPort twice in a container, defaulting the protocol to TCP', () => {
    expectOnly(withPorts({ containerPort: 9100, hostPort: 9100 }, { containerPort: 9101, hostPort: 9100, protocol: 'TCP' }),
      { field: `${PORTS}[1].hostPort`, type: 'Duplicate', value: 'TCP//9100' });
  });

  it('rejects the same hostPort in two containers', () => {
    expectOnly((ds) => {
      container(ds).ports = [{ containerPort: 9100, hostPort: 9100 }];
      podSpec(ds).containers.push({ name: 'b', image: 'busybox', ports: [{ containerPort: 9100, hostPort: 9100 }] });
    }, { field: `${TEMPLATE_SPEC}.containers[1].ports[0].hostPort`, type: 'Duplicate', value: 'TCP//9100' });
  });

  it('names an init container initContainers[0] whatever its index, as upstream does', () => {
    expectOnly((ds) => {
      podSpec(ds).initContainers = [
        { name: 'a', image: 'busybox' },
        { name: 'b', image: 'busybox', ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 8080 }] },
      ];
    }, { field: `${TEMPLATE_SPEC}.initContainers[0].ports[1].hostPort`, type: 'Duplicate', value: 'TCP//8080' });
  });
});
