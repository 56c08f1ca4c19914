/**
 * One requirement of a Kubernetes label selector. A selector is a list of them, all of which must hold; an
 * empty list selects everything.
 */
export type LabelRequirement =
  | { key: string; operator: 'Exists' | 'DoesNotExist' }
  | { key: string; operator: 'Equals' | 'NotEquals'; value: string }
  | { key: string; operator: 'In' | 'NotIn'; values: string[] }
  | { key: string; operator: 'GreaterThan' | 'LessThan'; value: number };

export type LabelSelector = LabelRequirement[];
