import { describe, expect, it } from 'vitest';
import { parseRuleSpec } from './RuleSpec.ts';
import { WireError } from './WireError.ts';

function errorOf(parse: () => unknown): { field: string; problem: string } {
  try {
    parse();
  } catch (error) {
    if (error instanceof WireError) return { field: error.field, problem: error.problem };
    throw error;
  }
  throw new Error('parsed');
}

const action = { command: 'mysql -e "FLUSH TABLES WITH READ LOCK"' };
const subRule = { podSelectors: ['app=mysql'], actions: [action] };

describe('parseRuleSpec', () => {
  it('fills defaults and round-trips its own output', () => {
    const spec = parseRuleSpec({ subRules: [subRule] });
    expect(spec).toEqual({
      version: 1,
      subRules: [
        {
          podSelectors: ['app=mysql'],
          namespaces: [],
          actions: [
            {
              command: action.command,
              argv: null,
              container: null,
              background: false,
              runInSinglePod: false,
              timeoutSeconds: 60,
              continueOnFailure: false,
            },
          ],
        },
      ],
    });
    expect(parseRuleSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
  });

  it('accepts set-based selectors, namespace patterns and argv actions', () => {
    const spec = parseRuleSpec({
      subRules: [
        {
          podSelectors: ['app in (mysql, mariadb),tier!=cache', 'role=primary'],
          namespaces: ['shop', 'db-*'],
          actions: [
            {
              argv: ['pg_dump', '-f', '/backup/dump.sql'],
              container: 'postgres',
              background: true,
              runInSinglePod: true,
              timeoutSeconds: 3600,
              continueOnFailure: true,
            },
          ],
        },
      ],
    });
    expect(spec.subRules[0]?.actions[0]).toMatchObject({
      command: null,
      argv: ['pg_dump', '-f', '/backup/dump.sql'],
    });
  });

  it.each([
    [{}, 'spec.subRules', 'must have 1 to 20 items'],
    [{ subRules: Array(21).fill(subRule) }, 'spec.subRules', 'must have 1 to 20 items'],
    [{ subRules: [{ actions: [action] }] }, 'spec.subRules[0].podSelectors', 'must have 1 to 20 selectors'],
    [
      { subRules: [{ ...subRule, podSelectors: ['app in ()'] }] },
      'spec.subRules[0].podSelectors[0]',
      undefined,
    ],
    [{ subRules: [{ ...subRule, podSelectors: [' '] }] }, 'spec.subRules[0].podSelectors[0]', undefined],
    [{ subRules: [{ ...subRule, namespaces: ['Shop'] }] }, 'spec.subRules[0].namespaces[0]', undefined],
    [{ subRules: [{ ...subRule, actions: [] }] }, 'spec.subRules[0].actions', 'must have 1 to 20 items'],
    [
      { subRules: [subRule, { ...subRule, actions: [{}] }] },
      'spec.subRules[1].actions[0]',
      'give a command or an argv',
    ],
    [
      { subRules: [{ ...subRule, actions: [{ command: 'x', argv: ['x'] }] }] },
      'spec.subRules[0].actions[0]',
      'give command or argv, not both',
    ],
    [
      { subRules: [{ ...subRule, actions: [{ command: '  ' }] }] },
      'spec.subRules[0].actions[0].command',
      undefined,
    ],
    [{ subRules: [{ ...subRule, actions: [{ argv: [] }] }] }, 'spec.subRules[0].actions[0].argv', undefined],
    [
      { subRules: [{ ...subRule, actions: [{ argv: ['ls', 3] }] }] },
      'spec.subRules[0].actions[0].argv[1]',
      undefined,
    ],
    [
      { subRules: [{ ...subRule, actions: [{ ...action, timeoutSeconds: 0 }] }] },
      'spec.subRules[0].actions[0].timeoutSeconds',
      'must be a whole number from 1 to 3600',
    ],
    [
      { subRules: [{ ...subRule, actions: [{ ...action, timeoutSeconds: 3601 }] }] },
      'spec.subRules[0].actions[0].timeoutSeconds',
      undefined,
    ],
    [
      { subRules: [{ ...subRule, actions: [{ ...action, container: 'My_Container' }] }] },
      'spec.subRules[0].actions[0].container',
      undefined,
    ],
    [
      { subRules: [{ ...subRule, actions: [{ ...action, background: 'yes' }] }] },
      'spec.subRules[0].actions[0].background',
      'must be true or false',
    ],
  ])('refuses %j naming %s', (spec, field, problem) => {
    const error = errorOf(() => parseRuleSpec(spec, 'spec'));
    expect(error.field).toBe(field);
    if (problem) expect(error.problem).toBe(problem);
  });
});
