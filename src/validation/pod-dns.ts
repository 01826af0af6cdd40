import { FieldError, FieldPath } from './field-error';
import { validateIp } from './ip-address';
import { dns1123SubdomainErrors, dns1123SubdomainWithUnderscoreErrors } from './names';
import { JsonObject, listAt, objectAt, stringAt } from '../json/shape';

const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
// Limits of libc's resolver, which reads the resolv.conf the kubelet writes from these.
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;

/**
 * Mirrors `validateDNSPolicy` in pkg/apis/core/validation/validation.go. An empty or absent policy
 * is defaulted to ClusterFirst (SetDefaults_PodSpec) before validation.
 */
export function validateDnsPolicy(policy: unknown, path: FieldPath): FieldError[] {
  if (policy === undefined || policy === null || policy === '') return [];
  return typeof policy === 'string' && DNS_POLICIES.includes(policy) ? [] : [path.notSupported(policy, DNS_POLICIES)];
}

/**
 * Mirrors `validatePodDNSConfig` in pkg/apis/core/validation/validation.go. Search domains follow
 * the relaxed rule (underscores allowed, a lone `.` accepted) that RelaxedDNSSearchValidation turns
 * on by default since 1.33.
 */
export function validatePodDnsConfig(spec: JsonObject, path: FieldPath): FieldError[] {
  const config = objectAt(spec.dnsConfig);
  const nameservers = listAt(config?.nameservers);
  if (spec.dnsPolicy === 'None') {
    if (!config) return [path.required('must provide `dnsConfig` when `dnsPolicy` is None')];
    if (nameservers.length === 0) return [path.child('nameservers').required('must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!config) return [];
  const errors: FieldError[] = [];
  if (nameservers.length > MAX_NAMESERVERS) {
    errors.push(path.child('nameservers').invalid(nameservers, `must not have more than ${MAX_NAMESERVERS} nameservers`));
  }
  nameservers.forEach((server, i) => errors.push(...validateIp(String(server), path.child('nameservers').index(i))));
  const searches = listAt(config.searches).map((search) => String(search));
  if (searches.length > MAX_SEARCH_PATHS) {
    errors.push(path.child('searches').invalid(searches, `must not have more than ${MAX_SEARCH_PATHS} search paths`));
  }
  if (searches.join(' ').length > MAX_SEARCH_CHARS) {
    errors.push(path.child('searches').invalid(searches, `must not have more than ${MAX_SEARCH_CHARS} characters (including spaces) in the search list`));
  }
  searches.forEach((search, i) => {
    if (search === '.') return;
    const domain = search.endsWith('.') ? search.slice(0, -1) : search;
    errors.push(...dns1123SubdomainWithUnderscoreErrors(domain).map((message) => path.child('searches').index(i).invalid(domain, message)));
  });
  listAt(config.options).forEach((raw, i) => {
    if (!stringAt(objectAt(raw)?.name)) errors.push(path.child('options').index(i).required('must not be empty'));
  });
  return errors;
}

/**
 * Mirrors `ValidateHostAliases` in pkg/apis/core/validation/validation.go: entries the kubelet
 * writes into the pod's /etc/hosts.
 */
export function validateHostAliases(hostAliases: unknown, path: FieldPath): FieldError[] {
  return listAt(hostAliases).flatMap((raw, i) => {
    const alias = objectAt(raw) ?? {};
    const aliasPath = path.index(i);
    const errors = validateIp(stringAt(alias.ip) ?? '', aliasPath.child('ip'));
    listAt(alias.hostnames).forEach((hostname, j) => {
      const name = String(hostname);
      errors.push(...dns1123SubdomainErrors(name).map((message) => aliasPath.child('hostnames').index(j).invalid(name, message)));
    });
    return errors;
  });
}
