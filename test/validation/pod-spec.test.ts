import { container, expectAccepted, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const S = TEMPLATE_SPEC;

function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

const withSpec = (fields: Manifest): Mutator => (ds) => { Object.assign(podSpec(ds), fields); };

describe('validateDNSPolicy and validatePodDNSConfig', () => {
  it.each<[string, Manifest]>([
    ['an empty dnsPolicy (defaulted to ClusterFirst)', { dnsPolicy: '' }],
    ['ClusterFirstWithHostNet with hostNetwork', { dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true }],
    ['options and searches with ClusterFirst', { dnsConfig: { searches: ['svc.cluster.local', 'example.com.', '_tcp.example.com', '.'], options: [{ name: 'ndots', value: '2' }] } }],
    ['None with IPv4 and IPv6 nameservers', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1', '2606:4700:4700::1111'] } }],
  ])('accepts %s', (_, fields) => {
    expectAccepted(validate(withSpec(fields)), S);
  });

  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['None without dnsConfig', { dnsPolicy: 'None' },
      [{ field: `${S}.dnsConfig`, type: 'Required', message: 'must provide `dnsConfig` when `dnsPolicy` is None' }]],
    ['None without nameservers', { dnsPolicy: 'None', dnsConfig: { searches: ['a.b'] } },
      [{ field: `${S}.dnsConfig.nameservers`, type: 'Required', message: 'must provide at least one DNS nameserver when `dnsPolicy` is None' }]],
    ['four nameservers', { dnsConfig: { nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4'] } },
      [{ field: `${S}.dnsConfig.nameservers`, type: 'Invalid', message: 'must not have more than 3 nameservers' }]],
    ['a nameserver that is a name', { dnsConfig: { nameservers: ['dns.example.com'] } },
      [{ field: `${S}.dnsConfig.nameservers[0]`, type: 'Invalid', value: 'dns.example.com', message: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' }]],
    ['a search domain in capitals', { dnsConfig: { searches: ['Example.com'] } },
      [{ field: `${S}.dnsConfig.searches[0]`, type: 'Invalid', value: 'Example.com' }]],
    ['an option without a name', { dnsConfig: { options: [{ value: '2' }] } },
      [{ field: `${S}.dnsConfig.options[0]`, type: 'Required', message: 'must not be empty' }]],
    ['a dnsPolicy in the wrong case', { dnsPolicy: 'ClusterFirstWithHostnet' },
      [{ field: `${S}.dnsPolicy`, type: 'NotSupported', message: 'supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"' }]],
  ])('rejects %s', (_, fields, expected) => {
    expectOnly(withSpec(fields), ...expected);
  });
});

describe('validateRestartPolicy, then the DaemonSet\'s own Always rule', () => {
  it('reports an unknown restartPolicy twice, as the API server does', () => {
    expectOnly(withSpec({ restartPolicy: 'Sometimes' }),
      { field: `${S}.restartPolicy`, type: 'NotSupported', value: 'Sometimes', message: 'supported values: "Always", "OnFailure", "Never"' },
      { field: `${S}.restartPolicy`, type: 'NotSupported', value: 'Sometimes', message: 'supported values: "Always"' });
  });

  it('reports a valid pod restartPolicy other than Always once', () => {
    expectOnly(withSpec({ restartPolicy: 'OnFailure' }), { field: `${S}.restartPolicy`, type: 'NotSupported', message: 'supported values: "Always"' });
  });
});

describe('ValidateHostAliases', () => {
  it('accepts an IPv4 alias with two names', () => {
    expectAccepted(validate(withSpec({ hostAliases: [{ ip: '10.0.0.10', hostnames: ['registry.local', 'mirror.local'] }] })), S);
  });

  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['a missing IP', { hostnames: ['a.local'] }, [{ field: `${S}.hostAliases[0].ip`, type: 'Invalid', value: '' }]],
    ['a hostname with an underscore', { ip: '10.0.0.1', hostnames: ['my_host'] }, [{ field: `${S}.hostAliases[0].hostnames[0]`, type: 'Invalid', value: 'my_host' }]],
  ])('rejects %s', (_, alias, expected) => {
    expectOnly(withSpec({ hostAliases: [alias] }), ...expected);
  });
});

describe('ValidatePodSpec: names and scalar fields', () => {
  it.each<[string, Manifest]>([
    ['hostname and subdomain', { hostname: 'agent', subdomain: 'agents' }],
    ['a nodeName', { nodeName: 'ip-10-0-0-1.ec2.internal' }],
    ['a runtimeClassName', { runtimeClassName: 'gvisor' }],
    ['preemptionPolicy Never', { preemptionPolicy: 'Never' }],
    ['readiness and scheduling gates', { readinessGates: [{ conditionType: 'example.com/ready' }], schedulingGates: [{ name: 'example.com/wait' }] }],
    ['an overhead', { overhead: { cpu: '250m', memory: '120Mi' } }],
  ])('accepts %s', (_, fields) => {
    expectAccepted(validate(withSpec(fields)), S);
  });

  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['a dotted hostname', { hostname: 'agent.local' }, [{ field: `${S}.hostname`, type: 'Invalid', value: 'agent.local' }]],
    ['a nodeName in capitals', { nodeName: 'Node-1' }, [{ field: `${S}.nodeName`, type: 'Invalid', value: 'Node-1' }]],
    ['an empty runtimeClassName', { runtimeClassName: '' }, [{ field: `${S}.runtimeClassName`, type: 'Invalid', value: '' }]],
    ['an unknown preemptionPolicy', { preemptionPolicy: 'Always' },
      [{ field: `${S}.preemptionPolicy`, type: 'NotSupported', message: 'supported values: "PreemptLowerPriority", "Never"' }]],
    ['a readiness gate that is not a qualified name', { readinessGates: [{ conditionType: 'ready now' }] },
      [{ field: `${S}.readinessGates[0].conditionType`, type: 'Invalid', value: 'ready now' }]],
    ['a scheduling gate twice', { schedulingGates: [{ name: 'wait' }, { name: 'wait' }] },
      [{ field: `${S}.schedulingGates[1]`, type: 'Duplicate', value: 'wait' }]],
    ['a negative overhead (checked as limits)', { overhead: { cpu: '-1' } },
      [{ field: `${S}.overhead.limits[cpu]`, type: 'Invalid', message: 'must be greater than or equal to 0' }]],
    ['an activeDeadlineSeconds of 0 (out of range, and forbidden for a DaemonSet)', { activeDeadlineSeconds: 0 }, [
      { field: `${S}.activeDeadlineSeconds`, type: 'Invalid', message: 'must be between 1 and 2147483647, inclusive' },
      { field: `${S}.activeDeadlineSeconds`, type: 'Forbidden', message: 'activeDeadlineSeconds in DaemonSet is not Supported' },
    ]],
  ])('rejects %s', (_, fields, expected) => {
    expectOnly(withSpec(fields), ...expected);
  });
});

describe('validateOS, validateLinux, validateWindows, validateWindowsHostProcessPod', () => {
  const hostProcess = { windowsOptions: { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' } };

  it.each<[string, Mutator]>([
    ['os linux', withSpec({ os: { name: 'linux' }, securityContext: { runAsUser: 0 } })],
    ['os windows with windowsOptions', withSpec({ os: { name: 'windows' }, securityContext: { windowsOptions: { runAsUserName: 'ContainerUser' } } })],
    ['a HostProcess pod on the host network', withSpec({ os: { name: 'windows' }, hostNetwork: true, securityContext: hostProcess })],
  ])('accepts %s', (_, mutate) => {
    expectAccepted(validate(mutate), S);
  });

  it.each<[string, Mutator, Array<Partial<FieldError>>]>([
    ['an unknown OS (named on os)', withSpec({ os: { name: 'darwin' } }),
      [{ field: `${S}.os`, type: 'NotSupported', value: 'darwin', message: 'supported values: "linux", "windows"' }]],
    ['windowsOptions on a linux pod', withSpec({ os: { name: 'linux' }, securityContext: { windowsOptions: { runAsUserName: 'x' } } }),
      [{ field: `${S}.securityContext.windowsOptions`, type: 'Forbidden', message: 'windows options cannot be set for a linux pod' }]],
    ['Linux settings on a windows pod', (ds) => {
      withSpec({ os: { name: 'windows' }, hostPID: true, securityContext: { runAsUser: 0 } })(ds);
      container(ds).securityContext = { privileged: true };
    }, [
      { field: `${S}.hostPID`, type: 'Forbidden', message: 'cannot be set for a windows pod' },
      { field: `${S}.securityContext.runAsUser`, type: 'Forbidden', message: 'cannot be set for a windows pod' },
      { field: `${S}.containers[0].securityContext.privileged`, type: 'Forbidden', message: 'cannot be set for a windows pod' },
    ]],
    ['a HostProcess pod off the host network', withSpec({ securityContext: hostProcess }),
      [{ field: `${S}.hostNetwork`, type: 'Invalid', value: false, message: 'hostNetwork must be true if pod contains any hostProcess containers' }]],
    ['HostProcess containers beside others', (ds) => {
      withSpec({ hostNetwork: true })(ds);
      container(ds).securityContext = { windowsOptions: { hostProcess: true } };
      podSpec(ds).containers.push({ name: 'b', image: 'busybox' });
    }, [{ field: S, type: 'Invalid', message: 'If pod contains any hostProcess containers then all containers must be HostProcess containers' }]],
    ['a container disagreeing with the pod', (ds) => {
      withSpec({ hostNetwork: true, securityContext: hostProcess })(ds);
      container(ds).securityContext = { windowsOptions: { hostProcess: false } };
    }, [
      { field: `${S}.containers[0].securityContext.windowsOptions.hostProcess`, type: 'Invalid', message: 'pod hostProcess value must be identical if both are specified, was true' },
    ]],
  ])('rejects %s', (_, mutate, expected) => {
    expectOnly(mutate, ...expected);
  });
});

describe('validatePodAffinity / validatePodAntiAffinity', () => {
  const ANTI = `${S}.affinity.podAntiAffinity`;
  it('accepts anti-affinity on the hostname with a preferred term', () => {
    expectAccepted(validate(withSpec({
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'agent' } }, topologyKey: 'kubernetes.io/hostname' }],
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] }, topologyKey: 'topology.kubernetes.io/zone', namespaces: ['data'] } }],
        },
      },
    })), S);
  });

  it.each<[string, Manifest, Array<Partial<FieldError>>]>([
    ['a term without a topology key', { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'a' } } }] }, [
      { field: `${ANTI}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`, type: 'Required', message: 'can not be empty' },
      { field: `${ANTI}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`, type: 'Invalid', message: 'name part must be non-empty' },
      { field: `${ANTI}.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey`, type: 'Invalid' },
    ]],
    ['a weight of 0', { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' } }] },
      [{ field: `${ANTI}.preferredDuringSchedulingIgnoredDuringExecution[0].weight`, type: 'Invalid', message: 'must be in the range 1-100' }]],
    ['a namespace in capitals (named at namespace)', { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', namespaces: ['Data'] }] },
      [{ field: `${ANTI}.requiredDuringSchedulingIgnoredDuringExecution[0].namespace`, type: 'Invalid', value: 'Data' }]],
    ['matchLabelKeys without a selector', { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', matchLabelKeys: ['pod-template-hash'] }] },
      [{ field: `${ANTI}.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys`, type: 'Forbidden', message: 'must not be specified when labelSelector is not set' }]],
    ['a key both matched and mismatched', {
      requiredDuringSchedulingIgnoredDuringExecution: [{
        topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'a' } }, matchLabelKeys: ['tenant'], mismatchLabelKeys: ['tenant'],
      }],
    }, [{ field: `${ANTI}.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]`, type: 'Invalid', message: 'exists in both matchLabelKeys and mismatchLabelKeys' }]],
    ['a selector with a bad operator', { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchExpressions: [{ key: 'app', operator: 'Equals' }] } }] },
      [{ field: `${ANTI}.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator`, type: 'Invalid', message: 'not a valid selector operator' }]],
  ])('rejects %s', (_, podAntiAffinity, expected) => {
    expectOnly(withSpec({ affinity: { podAntiAffinity } }), ...expected);
  });
});

describe('validateTopologySpreadConstraints', () => {
  const T = `${S}.topologySpreadConstraints`;
  const constraint = { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'agent' } } };

  it('accepts a zone spread and a hostname spread', () => {
    expectAccepted(validate(withSpec({ topologySpreadConstraints: [constraint, { ...constraint, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', minDomains: 2, nodeTaintsPolicy: 'Honor' }] })), S);
  });

  it.each<[string, Manifest[], Array<Partial<FieldError>>]>([
    ['maxSkew 0', [{ ...constraint, maxSkew: 0 }], [{ field: `${T}[0].maxSkew`, type: 'Invalid', value: 0, message: 'must be greater than zero' }]],
    ['no topology key', [{ ...constraint, topologyKey: '' }], [{ field: `${T}[0].topologyKey`, type: 'Required', message: 'can not be empty' }]],
    ['an unknown action', [{ ...constraint, whenUnsatisfiable: 'Never' }],
      [{ field: `${T}[0].whenUnsatisfiable`, type: 'NotSupported', message: 'supported values: "DoNotSchedule", "ScheduleAnyway"' }]],
    ['the same key and action twice', [constraint, { ...constraint, maxSkew: 2 }],
      [{ field: `${T}[0].{topologyKey, whenUnsatisfiable}`, type: 'Duplicate', value: '{topology.kubernetes.io/zone, ScheduleAnyway}' }]],
    ['minDomains with ScheduleAnyway', [{ ...constraint, minDomains: 2 }],
      [{ field: `${T}[0].minDomains`, type: 'Invalid', message: 'can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway' }]],
    ['a matchLabelKeys key already in the selector', [{ ...constraint, matchLabelKeys: ['app'] }],
      [{ field: `${T}[0].matchLabelKeys[0]`, type: 'Invalid', message: 'exists in both matchLabelKeys and labelSelector' }]],
    ['an unknown nodeAffinityPolicy', [{ ...constraint, nodeAffinityPolicy: 'Skip' }],
      [{ field: `${T}[0].nodeAffinityPolicy`, type: 'NotSupported', message: 'supported values: "Honor", "Ignore"' }]],
  ])('rejects %s', (_, topologySpreadConstraints, expected) => {
    expectOnly(withSpec({ topologySpreadConstraints }), ...expected);
  });
});
