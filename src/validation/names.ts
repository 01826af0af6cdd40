/*
 * Name and label syntax, as k8s.io/apimachinery/pkg/util/validation checks it
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go: IsQualifiedName,
 * IsValidLabelValue, IsDNS1123Subdomain, IsDNS1123Label, IsValidPercent, ...).
 * Each function returns the API server's messages; an empty list means valid.
 *
 * A message for a rule written as a regular expression ends with that expression (upstream
 * `RegexError`), and `validateDaemonSet` keeps it word for word, as kubectl would print it. A
 * construction error is read by someone writing props instead: `messageInWords` gives them the rule
 * in words.
 */

/** At most this many valid names are remembered per check, so a long-running process stays small. */
const REMEMBERED_NAMES = 4096;

/**
 * The same names recur in every DaemonSet of an app (`app.kubernetes.io/name`, `kubernetes.io/os`,
 * `default`): a name found valid once is not checked again. Only valid names are remembered, and
 * each call returns a list of its own.
 */
function rememberValid(check: (value: string) => string[]): (value: string) => string[] {
  const valid = new Set<string>();
  return (value: string) => {
    if (valid.has(value)) return [];
    const errors = check(value);
    if (errors.length === 0) {
      if (valid.size >= REMEMBERED_NAMES) valid.clear();
      valid.add(value);
    }
    return errors;
  };
}

const QUALIFIED_NAME_PART = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME_PART})?`;
const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const PERCENT = '[0-9]+%';

const whole = (pattern: string) => new RegExp(`^${pattern}$`);
const QUALIFIED_NAME_PART_RE = whole(QUALIFIED_NAME_PART);
const LABEL_VALUE_RE = whole(LABEL_VALUE);
const DNS1123_LABEL_RE = whole(DNS1123_LABEL);
const DNS1035_LABEL_RE = whole(DNS1035_LABEL);
const DNS1123_SUBDOMAIN_RE = whole(DNS1123_SUBDOMAIN);
const PERCENT_RE = whole(PERCENT);

const QUALIFIED_NAME_MAX = 63;
const LABEL_VALUE_MAX = 63;
const DNS1123_LABEL_MAX = 63;
const DNS1123_SUBDOMAIN_MAX = 253;

function tooLong(max: number): string {
  return `must be no more than ${max} characters`;
}

/** Upstream `RegexError`: the rule, examples, then the regular expression. */
function formatHint(what: string, pattern: string, examples: string[]): string {
  return `${what} (e.g. ${examples.map((e) => `'${e}'`).join(',  or ')}, regex used for validation is '${pattern}')`;
}

/** Each message that holds a regular expression, with the rule in words. */
const IN_WORDS = new Map<string, string>();

function examplesInWords(examples: readonly string[]): string {
  const quoted = examples.map((e) => `'${e}'`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/**
 * The API server's message for a rule written as a regular expression, remembered beside `words`
 * so that `messageInWords` can swap one for the other. Each is built once: the message does not
 * depend on the value checked.
 */
function regexHint(what: string, pattern: string, examples: string[], words: string): string {
  const message = formatHint(what, pattern, examples);
  IN_WORDS.set(message, `${words} (e.g. ${examplesInWords(examples)})`);
  return message;
}

const QUALIFIED_NAME_HINT =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const QUALIFIED_NAME_WORDS = "made of letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
const QUALIFIED_NAME_EXAMPLES = ['MyName', 'my.name', '123-abc'];
const QUALIFIED_NAME_PART_ERROR = regexHint(
  `name part ${QUALIFIED_NAME_HINT}`,
  QUALIFIED_NAME_PART,
  QUALIFIED_NAME_EXAMPLES,
  `name part must be ${QUALIFIED_NAME_WORDS}, at most ${QUALIFIED_NAME_MAX} characters`,
);
const QUALIFIED_NAME_ERROR =
  formatHint(`a qualified name ${QUALIFIED_NAME_HINT}`, QUALIFIED_NAME_PART, QUALIFIED_NAME_EXAMPLES) +
  " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
IN_WORDS.set(
  QUALIFIED_NAME_ERROR,
  `must be a name ${QUALIFIED_NAME_WORDS}, at most ${QUALIFIED_NAME_MAX} characters, after an optional DNS subdomain prefix and one '/' ` +
    "(e.g. 'MyName' or 'example.com/MyName')",
);

/** Label keys, annotation keys, toleration keys, node selector keys. */
export const qualifiedNameErrors = rememberValid((value: string): string[] => {
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
    return [QUALIFIED_NAME_ERROR];
  }
  if (name.length === 0) {
    errors.push('name part must be non-empty');
  } else if (name.length > QUALIFIED_NAME_MAX) {
    errors.push(`name part ${tooLong(QUALIFIED_NAME_MAX)}`);
  }
  if (!QUALIFIED_NAME_PART_RE.test(name)) {
    errors.push(QUALIFIED_NAME_PART_ERROR);
  }
  return errors;
});

const LABEL_VALUE_ERROR = regexHint(
  'a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character',
  LABEL_VALUE,
  ['MyValue', 'my_value', '12345'],
  `a label value must be empty, or ${QUALIFIED_NAME_WORDS}, at most ${LABEL_VALUE_MAX} characters`,
);

/** Label values, toleration values, node selector values. */
export const labelValueErrors = rememberValid((value: string): string[] => {
  const errors: string[] = [];
  if (value.length > LABEL_VALUE_MAX) errors.push(tooLong(LABEL_VALUE_MAX));
  if (!LABEL_VALUE_RE.test(value)) errors.push(LABEL_VALUE_ERROR);
  return errors;
});

/**
 * What a DNS-1123 subdomain is, in words, for a message that explains a name (`"Fluent_Bit" is not a
 * valid DaemonSet name (...)`).
 */
export const DNS1123_SUBDOMAIN_IN_WORDS =
  `a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most ${DNS1123_SUBDOMAIN_MAX} characters`;
const DNS1123_SUBDOMAIN_ERROR = regexHint(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  DNS1123_SUBDOMAIN,
  ['example.com'],
  `must be ${DNS1123_SUBDOMAIN_IN_WORDS}`,
);

/** Object names (DaemonSet, PriorityClass, ServiceAccount) and node names. */
export const dns1123SubdomainErrors = rememberValid((value: string): string[] => {
  const errors: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errors.push(tooLong(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errors.push(DNS1123_SUBDOMAIN_ERROR);
  return errors;
});

const DNS1123_LABEL_ERROR = regexHint(
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  DNS1123_LABEL,
  ['my-name', '123-abc'],
  `must be a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most ${DNS1123_LABEL_MAX} characters`,
);

/** Namespaces, container names, volume names. */
export const dns1123LabelErrors = rememberValid((value: string): string[] => {
  const errors: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) errors.push(tooLong(DNS1123_LABEL_MAX));
  if (!DNS1123_LABEL_RE.test(value)) errors.push(DNS1123_LABEL_ERROR);
  return errors;
});

const DNS1035_LABEL_ERROR = regexHint(
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  DNS1035_LABEL,
  ['my-name', 'abc-123'],
  `must be a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, at most ${DNS1123_LABEL_MAX} characters`,
);

/** Service names (upstream `IsDNS1035Label`, which `ValidateServiceName` applies). */
export const dns1035LabelErrors = rememberValid((value: string): string[] => {
  const errors: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) errors.push(tooLong(DNS1123_LABEL_MAX));
  if (!DNS1035_LABEL_RE.test(value)) errors.push(DNS1035_LABEL_ERROR);
  return errors;
});

const PERCENT_ERROR = regexHint(
  "a valid percent string must be a numeric string followed by an ending '%'",
  PERCENT,
  ['1%', '93%'],
  "a percent must be a whole number followed by '%'",
);

/** `maxUnavailable` / `maxSurge` given as a string. */
export function percentErrors(value: string): string[] {
  if (PERCENT_RE.test(value)) return [];
  return [PERCENT_ERROR];
}

const DNS1123_LABEL_WITH_UNDERSCORE = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE = `${DNS1123_LABEL_WITH_UNDERSCORE}(\\.${DNS1123_LABEL_WITH_UNDERSCORE})*`;
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE_RE = whole(DNS1123_SUBDOMAIN_WITH_UNDERSCORE);
const CONFIG_MAP_KEY = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY_RE = whole(CONFIG_MAP_KEY);
const HTTP_HEADER_NAME = '[-A-Za-z0-9]+';
const HTTP_HEADER_NAME_RE = whole(HTTP_HEADER_NAME);
const PORT_NAME_MAX = 15;

/** `must be between 1 and 65535, inclusive`, as apimachinery `InclusiveRangeError` words it. */
export function inclusiveRange(low: number, high: number): string {
  return `must be between ${low} and ${high}, inclusive`;
}

// The upstream words say "start and end with an alphanumeric character", but each part may start
// with '_': the words here follow the expression.
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE_ERROR = regexHint(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
  DNS1123_SUBDOMAIN_WITH_UNDERSCORE,
  ['example.com'],
  "must be a DNS-1123 subdomain that may hold '_': lowercase letters, digits, '_', '-' and '.', each part between dots " +
    `starting with a letter, digit or '_' and ending with a letter or digit, at most ${DNS1123_SUBDOMAIN_MAX} characters`,
);

/** Search paths of `dnsConfig` (IsDNS1123SubdomainWithUnderscore, the relaxed DNS search rule). */
export function dns1123SubdomainWithUnderscoreErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errors.push(tooLong(DNS1123_SUBDOMAIN_MAX));
  if (!DNS1123_SUBDOMAIN_WITH_UNDERSCORE_RE.test(value)) errors.push(DNS1123_SUBDOMAIN_WITH_UNDERSCORE_ERROR);
  return errors;
}

/**
 * Names given with `generateName`-style tolerance (apimachinery `NameIsDNSSubdomain` with
 * prefix=true), as `envFrom` references are checked: a trailing dash is masked first.
 */
export function dns1123SubdomainPrefixErrors(value: string): string[] {
  const masked = value.length > 1 && value.endsWith('-') ? `${value.slice(0, -2)}a` : value;
  return dns1123SubdomainErrors(masked);
}

/** Container port names and named probe ports (IsValidPortName). */
export function portNameErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > PORT_NAME_MAX) errors.push(tooLong(PORT_NAME_MAX));
  if (!/^[-a-z0-9]+$/.test(value)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(value)) errors.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errors.push('must not contain consecutive hyphens');
  if (value.startsWith('-') || value.endsWith('-')) errors.push('must not begin or end with a hyphen');
  return errors;
}

/**
 * Environment variable names and `envFrom` prefixes, by the relaxed rule the API server applies
 * since 1.32 (IsRelaxedEnvVarName, RelaxedEnvironmentVariableValidation on by default): any
 * printable ASCII character but `=`. The older C-identifier-like rule would reject names such as
 * `1ST` that current clusters accept.
 */
const PRINTABLE_ASCII_BUT_EQUALS = /^[\x20-\x3c\x3e-\x7e]*$/;

export function envVarNameErrors(value: string): string[] {
  if (value.length === 0) return ['environment variable name must be non-empty'];
  return PRINTABLE_ASCII_BUT_EQUALS.test(value)
    ? []
    : ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
}

const CONFIG_MAP_KEY_ERROR = regexHint(
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
  CONFIG_MAP_KEY,
  ['key.name', 'KEY_NAME', 'key-name'],
  `a config key must be made of letters, digits, '-', '_' and '.', at most ${DNS1123_SUBDOMAIN_MAX} characters`,
);

/** Keys of ConfigMaps and Secrets, as `configMapKeyRef` / `items` name them (IsConfigMapKey). */
export function configMapKeyErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) errors.push(tooLong(DNS1123_SUBDOMAIN_MAX));
  if (!CONFIG_MAP_KEY_RE.test(value)) errors.push(CONFIG_MAP_KEY_ERROR);
  if (value === '.') errors.push("must not be '.'");
  else if (value === '..') errors.push("must not be '..'");
  else if (value.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

const HTTP_HEADER_NAME_ERROR = regexHint(
  "a valid HTTP header must consist of alphanumeric characters or '-'",
  HTTP_HEADER_NAME,
  ['X-Header-Name'],
  "an HTTP header name must be made of letters, digits and '-'",
);

/** Header names of an `httpGet` probe or hook (IsHTTPHeaderName). */
export function httpHeaderNameErrors(value: string): string[] {
  if (HTTP_HEADER_NAME_RE.test(value)) return [];
  return [HTTP_HEADER_NAME_ERROR];
}

// Sysctl names and quantities are checked elsewhere, with messages that give their expressions
// in other words.
const SYSCTL_REGEX_CLAUSE = / and match regex \S+/g;
const SYSCTL_IN_WORDS =
  " and be a sysctl name: lowercase letters, digits, '_' and '-', in parts separated by '.' or '/' that each start and end with a letter or digit";
const QUANTITY_REGEX_MESSAGE = /quantities must match the regular expression '[^']*'/g;
const QUANTITY_IN_WORDS =
  "a quantity must be a number, optionally followed by a binary suffix (Ki, Mi, Gi, Ti, Pi, Ei), a decimal one (n, u, m, k, M, G, T, P, E) or an exponent (e.g. '128Mi', '500m' or '1e3')";
const ANY_REGEX_CLAUSE = /,? regex used for validation is '[^']*'/g;
const MENTIONS_REGEX = /regex|regular expression/;

/**
 * `message` with each regular expression that validation puts in a message replaced by the rule in
 * words. Construction errors only: the validators keep the API server's text. A rule without words
 * here loses its expression and keeps the rest, so no construction error shows one.
 */
export function messageInWords(message: string): string {
  if (!MENTIONS_REGEX.test(message)) return message;
  let result = message;
  for (const [withRegex, words] of IN_WORDS) {
    if (result.includes(withRegex)) result = result.split(withRegex).join(words);
  }
  return result.replace(SYSCTL_REGEX_CLAUSE, SYSCTL_IN_WORDS).replace(QUANTITY_REGEX_MESSAGE, QUANTITY_IN_WORDS).replace(ANY_REGEX_CLAUSE, '');
}
