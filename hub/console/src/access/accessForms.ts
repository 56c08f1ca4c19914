import type { RoleName } from '../auth/meQuery.ts';
import { parseWords } from './listText.ts';

/** The role of a binding or token, and where it applies; no cluster and no namespace mean all. */
export interface ScopeForm {
  role: RoleName;
  clusterIds: string[];
  /** Namespace names or `*` patterns, comma-separated. */
  namespaces: string;
}

export interface BindingForm extends ScopeForm {
  subjectKind: 'user' | 'group';
  /** A user's OIDC `sub`, or a group's name. */
  subject: string;
}

export interface TokenForm extends ScopeForm {
  name: string;
  /** Blank: never expires. */
  expiresInDays: string;
}

export function emptyBindingForm(): BindingForm {
  return { subjectKind: 'group', subject: '', role: 'viewer', clusterIds: [], namespaces: '' };
}

export function emptyTokenForm(): TokenForm {
  return { name: '', expiresInDays: '90', role: 'viewer', clusterIds: [], namespaces: '' };
}

function scopeInput(form: ScopeForm) {
  return { role: form.role, clusterIds: [...form.clusterIds], namespaces: parseWords(form.namespaces) };
}

/** The `createRoleBinding` input. */
export function bindingInputFromForm(tenantId: string, form: BindingForm) {
  return { tenantId, subjectKind: form.subjectKind, subject: form.subject.trim(), ...scopeInput(form) };
}

/** The `createApiToken` input; a blank expiry is left out (never expires). */
export function tokenInputFromForm(tenantId: string, form: TokenForm) {
  const days = form.expiresInDays.trim();
  return { tenantId, name: form.name.trim(), ...scopeInput(form), ...(days ? { expiresInDays: Number(days) } : {}) };
}
