import { expectAccepted, expectError, ExpectedError, validate } from './daemon-set';

const SUBDOMAIN = 'lowercase RFC 1123 subdomain';
const LABEL = 'lowercase RFC 1123 label';
const QUALIFIED_NAME = "name part must consist of alphanumeric characters, '-', '_' or '.'";
const LABEL_VALUE = 'a valid label must be an empty string or consist of alphanumeric characters';

/** A valid DNS subdomain of exactly 253 characters: four 62-character labels joined by dots, plus "a". */
const LONGEST_SUBDOMAIN = [...Array(4)].map(() => 'a'.repeat(62)).join('.') + '.a';

describe('ValidateObjectMeta: metadata.name (ValidateDaemonSetName = NameIsDNSSubdomain)', () => {
  it('the minimal DaemonSet is valid', () => {
    expect(validate()).toEqual([]);
  });

  it.each([
    ['agent', 'agent'],
    ['node-agent', 'node-agent'],
    ['node-agent.example.com', 'node-agent.example.com'],
    ['0agent', '0agent'],
    ['a', 'a'],
    ['of 253 characters', LONGEST_SUBDOMAIN],
  ])('accepts name %s', (_, name) => {
    expectAccepted(validate((ds) => { ds.metadata.name = name; }), 'metadata.name');
  });

  it('accepts a generateName without a name', () => {
    const errors = validate((ds) => {
      delete ds.metadata.name;
      ds.metadata.generateName = 'agent-';
    });
    expectAccepted(errors, 'metadata.name');
  });

  it.each<[string, (metadata: Record<string, unknown>) => void, ExpectedError]>([
    ['missing', (m) => { delete m.name; }, { field: 'metadata.name', type: 'Required', words: ['name or generateName is required'] }],
    ['empty', (m) => { m.name = ''; }, { field: 'metadata.name', type: 'Required', words: ['name or generateName is required'] }],
    ['upper case', (m) => { m.name = 'Foo'; }, { field: 'metadata.name', type: 'Invalid', words: [SUBDOMAIN] }],
    ['underscore', (m) => { m.name = 'node_agent'; }, { field: 'metadata.name', type: 'Invalid', words: [SUBDOMAIN] }],
    ['leading dash', (m) => { m.name = '-agent'; }, { field: 'metadata.name', type: 'Invalid', words: [SUBDOMAIN, 'must start and end with an alphanumeric'] }],
    ['trailing dot', (m) => { m.name = 'agent.'; }, { field: 'metadata.name', type: 'Invalid', words: [SUBDOMAIN] }],
    ['254 characters', (m) => { m.name = `${LONGEST_SUBDOMAIN}a`; }, { field: 'metadata.name', type: 'Invalid', words: ['must be no more than 253 characters'] }],
  ])('rejects a %s name', (_, mutate, expected) => {
    expectError(validate((ds) => mutate(ds.metadata)), expected);
  });

  it('reports the offending name as the value', () => {
    const errors = validate((ds) => { ds.metadata.name = 'Foo'; });
    expect(errors).toEqual([expect.objectContaining({ field: 'metadata.name', type: 'Invalid', value: 'Foo' })]);
  });
});

describe('ValidateObjectMeta: metadata.namespace (ValidateNamespaceName = NameIsDNSLabel)', () => {
  it.each([
    ['default', 'default'],
    ['kube-system', 'kube-system'],
    ['monitoring2', 'monitoring2'],
    ['of 63 characters', 'n'.repeat(63)],
  ])('accepts namespace %s', (_, namespace) => {
    expectAccepted(validate((ds) => { ds.metadata.namespace = namespace; }), 'metadata.namespace');
  });

  it('accepts a manifest without a namespace (the API server takes it from the request)', () => {
    expectAccepted(validate(), 'metadata.namespace');
  });

  it.each<[string, string, string[]]>([
    ['upper case', 'Kube-System', [LABEL]],
    ['a dot (subdomains are not labels)', 'kube.system', [LABEL]],
    ['an underscore', 'kube_system', [LABEL]],
    ['a trailing dash', 'monitoring-', [LABEL]],
    ['64 characters', 'n'.repeat(64), ['must be no more than 63 characters']],
  ])('rejects a namespace with %s', (_, namespace, words) => {
    expectError(validate((ds) => { ds.metadata.namespace = namespace; }), { field: 'metadata.namespace', type: 'Invalid', words });
  });
});

describe('ValidateLabels (IsQualifiedName / IsValidLabelValue): metadata.labels', () => {
  it.each<[string, Record<string, string>]>([
    ['a plain key', { app: 'agent' }],
    ['a prefixed key', { 'app.kubernetes.io/name': 'node-agent' }],
    ['an empty value', { 'example.com/tier': '' }],
    ['upper case, underscores and dots', { 'My_Key.v1': 'My_Value.v-1' }],
    ['a 63-character key and value', { ['k'.repeat(63)]: 'v'.repeat(63) }],
    ['a 253-character prefix', { [`${LONGEST_SUBDOMAIN}/name`]: 'x' }],
  ])('accepts labels with %s', (_, labels) => {
    expectAccepted(validate((ds) => { ds.metadata.labels = labels; }), 'metadata.labels');
  });

  it.each<[string, string, string[]]>([
    ['a space', 'bad key', [QUALIFIED_NAME]],
    ['a leading dash', '-app', [QUALIFIED_NAME]],
    ['an empty prefix', '/app', ['prefix part must be non-empty']],
    ['an upper-case prefix', 'Example.com/app', ['prefix part', SUBDOMAIN]],
    ['an empty name part', 'example.com/', ['name part must be non-empty']],
    ['two slashes', 'a/b/c', ['a qualified name', "with an optional DNS subdomain prefix and '/'"]],
    ['a 64-character name part', 'k'.repeat(64), ['name part must be no more than 63 characters']],
  ])('rejects a label key with %s', (_, key, words) => {
    const errors = validate((ds) => { ds.metadata.labels = { [key]: 'agent' }; });
    expectError(errors, { field: 'metadata.labels', type: 'Invalid', words });
    expect(errors).toContainEqual(expect.objectContaining({ field: 'metadata.labels', value: key }));
  });

  it.each<[string, string, string[]]>([
    ['a space', 'node agent', [LABEL_VALUE]],
    ['a leading dash', '-agent', [LABEL_VALUE]],
    ['a slash', 'agent/v1', [LABEL_VALUE]],
    ['64 characters', 'v'.repeat(64), ['must be no more than 63 characters']],
  ])('rejects a label value with %s', (_, value, words) => {
    const errors = validate((ds) => { ds.metadata.labels = { app: value }; });
    expectError(errors, { field: 'metadata.labels', type: 'Invalid', words });
    expect(errors).toContainEqual(expect.objectContaining({ field: 'metadata.labels', value }));
  });
});

describe('ValidateAnnotations: metadata.annotations', () => {
  it.each<[Record<string, string>]>([
    [{ 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1"}' }],
    [{ description: 'any value at all: spaces, /slashes/ and Ünïcode' }],
    // Keys are checked lower-cased, so upper case is allowed.
    [{ 'Example.COM/Owner': 'team-a' }],
  ])('accepts annotations %j', (annotations) => {
    expectAccepted(validate((ds) => { ds.metadata.annotations = annotations; }), 'metadata.annotations');
  });

  it.each<[string, string, string[]]>([
    ['a space', 'bad key', [QUALIFIED_NAME]],
    ['an empty prefix', '/owner', ['prefix part must be non-empty']],
    ['two slashes', 'example.com/a/b', ['a qualified name']],
  ])('rejects an annotation key with %s', (_, key, words) => {
    expectError(validate((ds) => { ds.metadata.annotations = { [key]: 'x' }; }), { field: 'metadata.annotations', type: 'Invalid', words });
  });

  it('rejects annotations over 256 KiB in total', () => {
    const errors = validate((ds) => { ds.metadata.annotations = { big: 'x'.repeat(256 * 1024) }; });
    expectError(errors, { field: 'metadata.annotations', type: 'TooLong', words: ['may not be more than 262144 bytes'] });
  });
});

describe('ValidatePodTemplateSpec: template labels and annotations (ValidateLabels / ValidateAnnotations)', () => {
  // ObjectMeta is embedded in PodTemplateSpec, so ValidatePodTemplateSpec uses
  // fldPath.Child("labels"): the API server says `spec.template.labels`, not `.metadata.labels`.
  const TEMPLATE_LABELS = 'spec.template.labels';
  const TEMPLATE_ANNOTATIONS = 'spec.template.annotations';

  it.each<[Record<string, string>]>([
    [{ 'app': 'agent', 'app.kubernetes.io/version': '1.2.3' }],
    [{ app: 'agent', tier: '' }],
  ])('accepts template labels %j', (labels) => {
    expectAccepted(validate((ds) => { ds.spec.template.metadata.labels = labels; }), 'spec.template');
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['a bad key', { 'app': 'agent', 'bad key': 'x' }, [QUALIFIED_NAME]],
    ['an empty prefix', { 'app': 'agent', '/tier': 'x' }, ['prefix part must be non-empty']],
    ['a bad value', { app: 'agent', tier: 'node tier' }, [LABEL_VALUE]],
    ['a 64-character value', { app: 'agent', tier: 't'.repeat(64) }, ['must be no more than 63 characters']],
  ])('rejects template labels with %s', (_, labels, words) => {
    const errors = validate((ds) => { ds.spec.template.metadata.labels = labels; });
    expectError(errors, { field: TEMPLATE_LABELS, type: 'Invalid', words });
  });

  it('rejects a bad template annotation key', () => {
    const errors = validate((ds) => { ds.spec.template.metadata.annotations = { 'bad key': 'x' }; });
    expectError(errors, { field: TEMPLATE_ANNOTATIONS, type: 'Invalid', words: [QUALIFIED_NAME] });
  });

  it('accepts any template annotation value', () => {
    const errors = validate((ds) => { ds.spec.template.metadata.annotations = { 'prometheus.io/scrape': 'true', 'note': 'a b c' }; });
    expect(errors).toEqual([]);
  });
});

describe('IsQualifiedName on an empty name part', () => {
  it('reports the empty part and the syntax, as upstream does', () => {
    const errors = validate((ds) => { ds.metadata.labels = { 'example.com/': 'x' }; });
    const messages = errors.filter((e) => e.field === 'metadata.labels').map((e) => e.message);
    expect(messages).toEqual(['name part must be non-empty', expect.stringContaining(QUALIFIED_NAME)]);
  });
});
