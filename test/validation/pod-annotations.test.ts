import { container, expectAccepted, Manifest, Mutator, podSpec, TEMPLATE_SPEC, validate } from './daemon-set';
import { FieldError } from '../../src/validation';

const A = 'spec.template.annotations';

function expectOnly(mutate: Mutator, ...expected: Array<Partial<FieldError>>): void {
  expect(validate(mutate)).toEqual(expected.map((e) => expect.objectContaining(e)));
}

const withAnnotations = (annotations: Record<string, string>): Mutator => (ds) => { ds.spec.template.metadata.annotations = annotations; };

describe('ValidatePodSpecificAnnotations: annotations the kubelet and scheduler read as settings', () => {
  it.each<[string, Record<string, string>]>([
    ['a deletion cost', { 'controller.kubernetes.io/pod-deletion-cost': '-100' }],
    ['tolerations as JSON', { 'scheduler.alpha.kubernetes.io/tolerations': '[{"key":"dedicated","operator":"Exists"}]' }],
    ['a seccomp annotation', { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' }],
    ['an AppArmor annotation for an existing container', { 'container.apparmor.security.beta.kubernetes.io/agent': 'localhost/k8s-agent' }],
    ['annotations the API server does not read', { 'prometheus.io/scrape': 'true', 'kubectl.kubernetes.io/default-container': 'agent' }],
  ])('accepts %s', (_, annotations) => {
    expectAccepted(validate(withAnnotations(annotations)), 'spec.template');
  });

  it.each<[string, Record<string, string>, Array<Partial<FieldError>>]>([
    ['a deletion cost that is not an int32', { 'controller.kubernetes.io/pod-deletion-cost': '1e3' },
      [{ field: `${A}[controller.kubernetes.io/pod-deletion-cost]`, type: 'Invalid', value: '1e3', message: 'must be a 32bit integer' }]],
    ['a deletion cost with a leading plus', { 'controller.kubernetes.io/pod-deletion-cost': '+1' },
      [{ field: `${A}[controller.kubernetes.io/pod-deletion-cost]`, type: 'Invalid', message: 'must be a 32bit integer' }]],
    ['a mirror-pod annotation without a nodeName', { 'kubernetes.io/config.mirror': 'x' },
      [{ field: `${A}[kubernetes.io/config.mirror]`, type: 'Invalid', message: 'must set spec.nodeName if mirror pod annotation is set' }]],
    ['an invalid toleration in the annotation', { 'scheduler.alpha.kubernetes.io/tolerations': '[{"operator":"Equal","value":"x"}]' },
      [{ field: `${A}.scheduler.alpha.kubernetes.io/tolerations[0].operator`, type: 'Invalid', message: 'operator must be Exists when `key` is empty, which means "match all values and all keys"' }]],
    ['a seccomp annotation with an unknown profile', { 'seccomp.security.alpha.kubernetes.io/pod': 'default' },
      [{ field: `${A}.seccomp.security.alpha.kubernetes.io/pod`, type: 'Invalid', message: 'must be a valid seccomp profile' }]],
    ['an AppArmor annotation for a missing container', { 'container.apparmor.security.beta.kubernetes.io/other': 'runtime/default' },
      [{ field: `${A}[container.apparmor.security.beta.kubernetes.io/other]`, type: 'Invalid', value: 'other', message: 'container not found' }]],
    ['an AppArmor annotation with an unknown profile', { 'container.apparmor.security.beta.kubernetes.io/agent': 'docker-default' },
      [{ field: `${A}[container.apparmor.security.beta.kubernetes.io/agent]`, type: 'Invalid', message: 'invalid AppArmor profile name: "docker-default"' }]],
  ])('rejects %s', (_, annotations, expected) => {
    expectOnly(withAnnotations(annotations), ...expected);
  });
});

describe('validateSeccompAnnotationsAndFields and validateAppArmorAnnotationsAndFieldsMatchOnCreate', () => {
  const withBoth = (annotations: Record<string, string>, context: Manifest): Mutator => (ds) => {
    withAnnotations(annotations)(ds);
    container(ds).securityContext = context;
  };

  it.each<[string, Mutator]>([
    ['a matching seccomp annotation and field', withBoth({ 'container.seccomp.security.alpha.kubernetes.io/agent': 'docker/default' }, { seccompProfile: { type: 'RuntimeDefault' } })],
    ['a matching AppArmor annotation and pod field', (ds) => {
      withAnnotations({ 'container.apparmor.security.beta.kubernetes.io/agent': 'localhost/p' })(ds);
      podSpec(ds).securityContext = { appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } };
    }],
  ])('accepts %s', (_, mutate) => {
    expectAccepted(validate(mutate), 'spec.template');
  });

  it.each<[string, Mutator, Partial<FieldError>]>([
    ['a seccomp annotation disagreeing with the field', withBoth({ 'container.seccomp.security.alpha.kubernetes.io/agent': 'unconfined' }, { seccompProfile: { type: 'RuntimeDefault' } }),
      { field: `${TEMPLATE_SPEC}.containers[0].securityContext.seccompProfile.type`, type: 'Forbidden', message: 'seccomp type in annotation and field must match' }],
    ['a pod seccomp annotation naming another file', (ds) => {
      withAnnotations({ 'seccomp.security.alpha.kubernetes.io/pod': 'localhost/a.json' })(ds);
      podSpec(ds).securityContext = { seccompProfile: { type: 'Localhost', localhostProfile: 'b.json' } };
    }, { field: `${TEMPLATE_SPEC}.securityContext.seccompProfile.localhostProfile`, type: 'Forbidden', message: 'seccomp profile in annotation and field must match' }],
    ['an AppArmor annotation disagreeing with the field', withBoth({ 'container.apparmor.security.beta.kubernetes.io/agent': 'unconfined' }, { appArmorProfile: { type: 'RuntimeDefault' } }),
      { field: `${TEMPLATE_SPEC}.containers[0].securityContext.appArmorProfile.type`, type: 'Forbidden', message: 'apparmor type in annotation and field must match' }],
  ])('rejects %s', (_, mutate, expected) => {
    expectOnly(mutate, expected);
  });
});
