/*
 * Name and label syntax, as k8s.io/apimachinery/pkg/util/validation checks it
 * (IsQualifiedName, IsValidLabelValue, IsDNS1123Subdomain, IsDNS1123Label, IsValidPercent).
 * Each function returns the API server's messages; an empty list means valid.
 */

const QUALIFIED_NAME_PART = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME_PART})?`;
const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const PERCENT = '[0-9]+%';

const whole = (pattern: string) => new RegExp(`^${pattern}$`);
const QUALIFIED_NAME_PART_RE = whole(QUALIFIED_NAME_PART);
const LABEL_VALUE_RE = whole(LABEL_VALUE);
const DNS1123_LABEL_RE = whole(DNS1123_LABEL);
const DNS1123_SUBDOMAIN_RE = whole(DNS1123_SUBDOMAIN);
const PERCENT_RE = whole(PERCENT);

const QUALIFIED_NAME_MAX = 63;
const LABEL_VALUE_MAX = 63;
const DNS1123_LABEL_MAX = 63;
const DNS1123_SUBDOMAIN_MAX = 253;

function tooLong(max: number): string {
  return `must be no more than ${max} characters`;
}

function formatHint(what: string, pattern: string, examples: string[]): string {
  return `${what} (e.g. ${examples.map((e) => `'${e}'`).join(',  or ')}, regex used for validation is '${pattern}')`;
}

const QUALIFIED_NAME_HINT =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** Label keys, annotation keys, toleration keys, node selector keys. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const errors: string[] = [];
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const [prefix, rest] = parts;
    name = rest;
    if (prefix.length === 0) {
      errors.push('prefix part must be non-empty');
    } else {
      errors.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
    }
  } else {
    return [
      formatHint(`a qualified name ${QUALIFIED_NAME_HINT}`, QUALIFIED_NAME_PART, ['MyName', 'my.name', '123-abc']) +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) {
    errors.push('name part must be non-empty');
  } else if (name.length > QUALIFIED_NAME_MAX) {
    errors.push(`name part ${tooLong(QUALIFIED_NAME_MAX)}`);
  }
  if (!QUALIFIED_NAME_PART_RE.test(name)) {
    errors.push(formatHint(`name part ${QUALIFIED_NAME_HINT}`, QUALIFIED_NAME_PART, ['MyName', 'my.name', '123-abc']));
  }
  return errors;
}

/** Label values, toleration values, node selector values. */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > LABEL_VALUE_MAX) errors.push(tooLong(LABEL_VALUE_MAX));
  if (!LABEL_VALUE_RE.test(value)) {
    errors.push(
      formatHint(
        'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character',
        LABEL_VALUE,
        ['MyValue', 'my_value', '12345'],
      ),
    );
  }
  return errors;
}

/** Object names (DaemonSet, PriorityClass, ServiceAccount) and node names. */
export function dns1123SubdomainErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errors.push(tooLong(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) {
    errors.push(
      formatHint(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        DNS1123_SUBDOMAIN,
        ['example.com'],
      ),
    );
  }
  return errors;
}

/** Namespaces, container names, volume names. */
export function dns1123LabelErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) errors.push(tooLong(DNS1123_LABEL_MAX));
  if (!DNS1123_LABEL_RE.test(value)) {
    errors.push(
      formatHint(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        DNS1123_LABEL,
        ['my-name', '123-abc'],
      ),
    );
  }
  return errors;
}

/** `maxUnavailable` / `maxSurge` given as a string. */
export function percentErrors(value: string): string[] {
  if (PERCENT_RE.test(value)) return [];
  return [formatHint("a valid percent string must be a numeric string followed by an ending '%'", PERCENT, ['1%', '93%'])];
}
