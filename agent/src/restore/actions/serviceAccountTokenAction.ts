import type { RestoreAction } from './RestoreAction.ts';

/**
 * Legacy ServiceAccount token Secrets are skipped: their token was signed by the source cluster's key and
 * names the source ServiceAccount's uid, so the target would reject it; the target's own token controller
 * issues tokens for the restored ServiceAccount.
 */
export const serviceAccountTokenAction: RestoreAction = {
  appliesTo: { types: ['secrets'] },
  run: (object) => {
    if (object.type === 'kubernetes.io/service-account-token') {
      return { skip: 'a ServiceAccount token is issued by the target cluster, not restored' };
    }
    return { object };
  },
};
