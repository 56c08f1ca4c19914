/** A command run through the Kubernetes exec API; `command` or `argv` is set (schema `RuleAction`). */
export interface RuleAction {
  command: string | null;
  argv: string[] | null;
  container: string | null;
  background: boolean;
  runInSinglePod: boolean;
  timeoutSeconds: number;
  continueOnFailure: boolean;
}

/** Pods, and the actions run in them in order. */
export interface SubRule {
  podSelectors: string[];
  /** Empty: the namespaces the backup takes. */
  namespaces: string[];
  actions: RuleAction[];
}

/** Commands run in pods before (pre) or after (post) a backup. */
export interface Rule {
  id: string;
  tenantId: string;
  name: string;
  spec: { subRules: SubRule[] };
  createdAt: string;
  updatedAt: string;
}

/** What `createRule` and `updateRule` take as `spec` (schema `RuleSpecInput`). */
export interface RuleSpecInput {
  subRules: {
    podSelectors: string[];
    namespaces?: string[];
    actions: {
      command?: string;
      argv?: string[];
      container?: string;
      background: boolean;
      runInSinglePod: boolean;
      timeoutSeconds?: number;
      continueOnFailure: boolean;
    }[];
  }[];
}
