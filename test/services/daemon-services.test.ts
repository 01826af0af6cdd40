import { Chart, Testing } from 'cdk8s';
import { Service } from 'kubernetes-models/v1/Service';
import { DaemonServiceKind, MasterTolerant, NodeDaemon } from '../../src/cdk8s';
import { propsErrorMessage } from '../daemon/props-error-of';

/*
 * The ways the DaemonSet documentation lists to talk to daemon pods, as objects: a headless Service
 * (DNS), a Service (a virtual IP), a node-local Service (`internalTrafficPolicy: Local`, GA in 1.26:
 * kube-proxy routes to endpoints on the client's node only), and the node's IP with a host port
 * (the downward API's `status.hostIP`). Push needs no object.
 */

function exporter(chart = Testing.chart()): NodeDaemon {
  return new NodeDaemon(chart, 'node-exporter', {
    namespace: 'monitoring',
    image: 'quay.io/prometheus/node-exporter:v1.8.2',
    hostNetwork: true,
    ports: [{ name: 'metrics', containerPort: 9100 }],
  });
}

function agent(chart: Chart): MasterTolerant {
  return new MasterTolerant(chart, 'fluent-bit', {
    namespace: 'logging',
    image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.0',
    ports: [{ name: 'http', containerPort: 2020 }, { name: 'forward', containerPort: 24224 }],
  });
}

describe.each([DaemonServiceKind.HEADLESS, DaemonServiceKind.CLUSTER, DaemonServiceKind.NODE_LOCAL])('a %s Service', (kind) => {
  const chart = Testing.chart();
  const daemon = agent(chart);
  const service = daemon.addService(kind).toJson();

  test('selects exactly the daemon\'s pods, in its namespace', () => {
    expect(service.spec.selector).toEqual(daemon.selectorLabels);
    expect(service.metadata.namespace).toBe('logging');
  });

  test('forwards to every declared container port, by name', () => {
    expect(service.spec.ports).toEqual([
      { name: 'http', port: 2020, targetPort: 'http', protocol: 'TCP' },
      { name: 'forward', port: 24224, targetPort: 'forward', protocol: 'TCP' },
    ]);
  });

  test('is a valid v1 Service', () => {
    expect(() => new Service(service).validate()).not.toThrow();
  });
});

test('headless: no cluster IP, so DNS answers with the daemon pods; node-local: internal traffic stays on the node', () => {
  const chart = Testing.chart();
  const daemon = agent(chart);
  expect(daemon.addService(DaemonServiceKind.HEADLESS).toJson().spec).toMatchObject({ clusterIP: 'None' });
  expect(daemon.addService(DaemonServiceKind.NODE_LOCAL).toJson().spec).toMatchObject({ internalTrafficPolicy: 'Local' });
  const cluster = daemon.addService(DaemonServiceKind.CLUSTER).toJson();
  expect(cluster.spec.clusterIP).toBeUndefined();
  expect(cluster.spec.internalTrafficPolicy).toBeUndefined();
  expect(Testing.synth(chart).map((o) => `${o.kind} ${o.metadata.name}`)).toEqual([
    'DaemonSet fluent-bit',
    'Service fluent-bit-headless',
    'Service fluent-bit-local',
    'Service fluent-bit',
  ]);
});

test('chosen ports, by name or number, and a name of the Service\'s own', () => {
  const chart = Testing.chart();
  const service = agent(chart).addService(DaemonServiceKind.CLUSTER, { name: 'logs', ports: [{ port: 80, targetPort: 'http' }, { port: 24224, name: 'fwd' }] }).toJson();
  expect(service.metadata.name).toBe('logs');
  expect(service.spec.ports).toEqual([
    { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
    { name: 'fwd', port: 24224, targetPort: 24224, protocol: 'TCP' },
  ]);
});

describe('bad Services fail at construction, naming the construct and the port', () => {
  test('a port that names or numbers no container port', () => {
    const chart = Testing.chart();
    expect(propsErrorMessage(() => agent(chart).addService(DaemonServiceKind.CLUSTER, { ports: [{ port: 80, targetPort: 'metrics' }] }))).toBe(
      'MasterTolerant \'test/fluent-bit\' cluster Service: ports[0].targetPort: "metrics"/TCP matches no container port of the daemon (it declares: http 2020/TCP, forward 24224/TCP)',
    );
    expect(propsErrorMessage(() => agent(Testing.chart()).addService(DaemonServiceKind.CLUSTER, { ports: [{ port: 2020, protocol: 'UDP' }] }))).toContain(
      'ports[0].port: 2020/UDP matches no container port',
    );
  });

  test('a daemon without ports has no ClusterIP Service, and a name must be a DNS-1035 label', () => {
    const chart = Testing.chart();
    const bare = new NodeDaemon(chart, 'bare', { image: 'agent:1' });
    expect(propsErrorMessage(() => bare.addService(DaemonServiceKind.CLUSTER))).toContain('ports: the daemon declares no container port');
    expect(bare.addService(DaemonServiceKind.HEADLESS).toJson().spec.ports).toBeUndefined();
    expect(propsErrorMessage(() => agent(chart).addService(DaemonServiceKind.HEADLESS, { name: '9-lives' }))).toContain('name: "9-lives" must be a DNS-1035 label');
  });
});

describe('the node-IP endpoint', () => {
  test('is the daemon\'s host port, and the downward-API variable with the node\'s IP', () => {
    expect(exporter().nodeIpEndpoint()).toEqual({ hostPort: 9100, env: { name: 'NODE_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } } });
    expect(exporter().nodeIpEndpoint(9100, 'EXPORTER_HOST').env.name).toBe('EXPORTER_HOST');
  });

  test('with the host\'s network, every container port is a host port', () => {
    const daemon = new NodeDaemon(Testing.chart(), 'dns-cache', { image: 'agent:1', hostNetwork: true, ports: [{ containerPort: 53, protocol: 'UDP' }] });
    expect(daemon.nodeIpEndpoint().hostPort).toBe(53);
  });

  test('fails for a port the daemon does not hold on the node', () => {
    expect(propsErrorMessage(() => exporter().nodeIpEndpoint(8080))).toBe("NodeDaemon 'test/node-exporter' node-IP endpoint: hostPort: 8080 is not a host port of the daemon (it has 9100)");
    expect(propsErrorMessage(() => agent(Testing.chart()).nodeIpEndpoint())).toContain('the daemon has no host port');
  });
});
