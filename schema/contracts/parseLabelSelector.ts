import { labelKeyProblem, labelValueProblem } from './kubernetesNames.ts';
import type { LabelRequirement, LabelSelector } from './LabelSelector.ts';
import { WireError } from './WireError.ts';

type Token = { kind: 'word'; text: string; at: number } | { kind: 'op'; text: string; at: number };

const operators = ['==', '!=', '=', '!', '(', ')', ',', '<', '>'];
const special = /[\s=!(),<>]/;

function tokenize(text: string, field: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text.charAt(i))) {
      i++;
      continue;
    }
    const op = operators.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, at: i });
      i += op.length;
      continue;
    }
    const start = i;
    while (i < text.length && !special.test(text.charAt(i))) i++;
    if (i === start) throw new WireError(field, `unexpected '${text.charAt(i)}' at position ${i + 1}`);
    tokens.push({ kind: 'word', text: text.slice(start, i), at: start });
  }
  return tokens;
}

/**
 * Parses a label selector in Kubernetes syntax, as `kubectl -l` and the API's `labelSelector` parameter take
 * it: comma-separated requirements that must all hold — `app=web`, `app==web`, `tier!=db`,
 * `env in (prod, staging)`, `env notin (dev)`, `release` (exists), `!canary` (does not exist), `replicas>2`.
 * An empty text selects everything. Throws a `WireError` naming `field` and the position of the problem.
 */
export function parseLabelSelector(text: string, field = 'labelSelector'): LabelSelector {
  const tokens = tokenize(text, field);
  let next = 0;
  const peek = (): Token | undefined => tokens[next];
  const fail = (problem: string, token = peek()): never => {
    throw new WireError(
      field,
      token ? `${problem} at position ${token.at + 1} ('${token.text}')` : `${problem} at the end`,
    );
  };
  const key = (): string => {
    const token = peek();
    if (token?.kind !== 'word') return fail('expected a label key');
    next++;
    const problem = labelKeyProblem(token.text);
    if (problem) throw new WireError(field, problem);
    return token.text;
  };
  const value = (): string => {
    const token = peek();
    // `key=` selects the empty value, as in Kubernetes.
    if (token === undefined || (token.kind === 'op' && (token.text === ',' || token.text === ')'))) return '';
    if (token.kind !== 'word') return fail('expected a label value');
    next++;
    const problem = labelValueProblem(token.text);
    if (problem) throw new WireError(field, problem);
    return token.text;
  };
  const valueSet = (): string[] => {
    if (peek()?.text !== '(') fail("expected '(' after 'in' or 'notin'");
    next++;
    const values: string[] = [];
    if (peek()?.text === ')') fail("expected at least one value inside '( )'");
    for (;;) {
      values.push(value());
      const token = peek();
      next++;
      if (token?.text === ')') return [...new Set(values)].sort();
      if (token?.text !== ',') fail("expected ',' or ')'", token);
    }
  };
  const integer = (): number => {
    const token = peek();
    if (token?.kind !== 'word' || !/^-?\d+$/.test(token.text)) return fail('expected an integer');
    next++;
    return Number(token.text);
  };
  const requirement = (): LabelRequirement => {
    if (peek()?.text === '!') {
      next++;
      return { key: key(), operator: 'DoesNotExist' };
    }
    const k = key();
    const token = peek();
    if (token === undefined || token.text === ',') return { key: k, operator: 'Exists' };
    next++;
    switch (token.text) {
      case '=':
      case '==':
        return { key: k, operator: 'Equals', value: value() };
      case '!=':
        return { key: k, operator: 'NotEquals', value: value() };
      case 'in':
        return { key: k, operator: 'In', values: valueSet() };
      case 'notin':
        return { key: k, operator: 'NotIn', values: valueSet() };
      case '>':
        return { key: k, operator: 'GreaterThan', value: integer() };
      case '<':
        return { key: k, operator: 'LessThan', value: integer() };
      default:
        return fail("expected an operator ('=', '==', '!=', 'in', 'notin', '<', '>')", token);
    }
  };

  const selector: LabelSelector = [];
  if (tokens.length === 0) return selector;
  for (;;) {
    selector.push(requirement());
    const token = peek();
    if (token === undefined) return selector;
    if (token.text !== ',') fail("expected ',' between requirements", token);
    next++;
  }
}
