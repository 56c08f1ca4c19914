/** Validators for the Kubernetes names specs refer to. Each returns a problem, or undefined when valid. */

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const labelName = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const labelValue = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const namespacePattern = /^[a-z0-9*]([-a-z0-9*]*[a-z0-9*])?$/;

/** A namespace name (RFC 1123 label). */
export function namespaceProblem(value: string): string | undefined {
  if (value.length > 63 || !dnsLabel.test(value)) return `'${value}' is not a namespace name`;
  return undefined;
}

/** A namespace name or a glob with `*` (`shop-*`), as include/exclude lists accept. */
export function namespacePatternProblem(value: string): string | undefined {
  if (value.length > 63 || !namespacePattern.test(value)) {
    return `'${value}' is not a namespace name or pattern like 'shop-*'`;
  }
  return undefined;
}

/**
 * A resource type as `kubectl api-resources` names it: the plural, qualified by its API group unless it is in
 * the core group (`pods`, `deployments.apps`, `certificates.cert-manager.io`).
 */
export function resourceTypeProblem(value: string): string | undefined {
  if (value.length > 253 || !dnsSubdomain.test(value)) {
    return `'${value}' is not a resource type like 'deployments.apps' or 'configmaps'`;
  }
  return undefined;
}

/** A storage class name (a DNS subdomain). */
export function storageClassProblem(value: string): string | undefined {
  if (value.length > 253 || !dnsSubdomain.test(value)) return `'${value}' is not a storage class name`;
  return undefined;
}

/** A label key: an optional DNS-subdomain prefix and `/`, then a name of at most 63 characters. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !dnsSubdomain.test(prefix))) {
    return `'${key}' has an invalid prefix: it must be a DNS subdomain like 'example.com'`;
  }
  if (name.length === 0 || name.length > 63 || !labelName.test(name)) {
    return `'${key}' is not a label key: at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit`;
  }
  return undefined;
}

/** A label value: empty, or at most 63 letters, digits, `-`, `_` and `.`, starting and ending alphanumeric. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63 || !labelValue.test(value)) return `'${value}' is not a label value`;
  return undefined;
}
