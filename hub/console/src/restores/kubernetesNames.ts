const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A namespace name: a DNS label (RFC 1123) of at most 63 characters. */
export function isNamespaceName(name: string): boolean {
  return name.length <= 63 && dnsLabel.test(name);
}

/** A namespace name, or a pattern of one with `*` wildcards (`shop-*`), as the restore's filters take. */
export function isNamespacePattern(pattern: string): boolean {
  if (pattern === '*') return true;
  return pattern.length <= 63 && /^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$/.test(pattern);
}

/** A storage class name: a DNS subdomain (lowercase, digits, `-` and `.`), at most 253 characters. */
export function isStorageClassName(name: string): boolean {
  return name.length <= 253 && name.split('.').every((part) => dnsLabel.test(part));
}
