import { FieldError, FieldPath } from './field-error';

const IPV4_SLOPPY = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/;

/**
 * Whether `value` is an IP address as `netutils.ParseIPSloppy` reads it: dotted IPv4 where octets
 * may carry leading zeros, or IPv6 (possibly ending in dotted IPv4), without a zone.
 */
export function isSloppyIp(value: string): boolean {
  const v4 = IPV4_SLOPPY.exec(value);
  if (v4) return v4.slice(1).every((octet) => Number(octet) <= 255);
  if (!value.includes(':') || value.includes('%')) return false;
  let text = value;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  // An IPv6 address may end in dotted IPv4 (`::ffff:10.0.0.1`), which stands for two groups.
  if (tail.includes('.')) {
    if (!IPV4_SLOPPY.test(tail) || !isSloppyIp(tail)) return false;
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const parts = halves.flatMap(groups);
  if (!parts.every((part) => /^[0-9a-fA-F]{1,4}$/.test(part))) return false;
  return halves.length === 2 ? parts.length < 8 : parts.length === 8;
}

/** Mirrors apimachinery `IsValidIP` as ValidatePodSpec uses it (dnsConfig nameservers, hostAliases). */
export function validateIp(value: string, path: FieldPath): FieldError[] {
  return isSloppyIp(value) ? [] : [path.invalid(value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}
