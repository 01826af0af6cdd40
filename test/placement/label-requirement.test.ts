import * as fc from 'fast-check';
import { only, rawNode, verdict, withRequiredTerms } from './fixtures';
import { evaluatePlacement } from '../../src';
import { LabelRequirement, parseLabelRequirement, requirementMatchesValue, requirementValueMatcher } from '../../src/validation';

type Labels = ReadonlyArray<readonly [string, string]>;
type Expression = Record<string, unknown>;

/** Whether a node with `labels` passes a required affinity of one term holding only `expression`. */
function matches(expression: Expression, labels: Labels): boolean {
  return verdict(withRequiredTerms('agent', [{ matchExpressions: [expression] }]), rawNode('n', labels)).shouldRun;
}

const INT64_MAX = '9223372036854775807';
const INT64_MIN = '-9223372036854775808';

describe('labels.Requirement.Matches (k8s.io/apimachinery/pkg/labels/selector.go)', () => {
  it.each<[string, Expression, Labels, boolean]>([
    // In: the label is present and its value is one of the values.
    ['In, value listed', { key: 'pool', operator: 'In', values: ['a', 'b'] }, [['pool', 'b']], true],
    ['In, value not listed', { key: 'pool', operator: 'In', values: ['a', 'b'] }, [['pool', 'c']], false],
    ['In, label absent', { key: 'pool', operator: 'In', values: ['a'] }, [], false],
    ['In, empty value listed and label empty', { key: 'pool', operator: 'In', values: [''] }, [['pool', '']], true],
    ['In, empty value listed but label absent', { key: 'pool', operator: 'In', values: [''] }, [], false],
    // NotIn: an absent label satisfies it.
    ['NotIn, value listed', { key: 'pool', operator: 'NotIn', values: ['a', 'b'] }, [['pool', 'a']], false],
    ['NotIn, value not listed', { key: 'pool', operator: 'NotIn', values: ['a', 'b'] }, [['pool', 'c']], true],
    ['NotIn, label absent', { key: 'pool', operator: 'NotIn', values: ['a'] }, [], true],
    ['NotIn, empty value listed and label empty', { key: 'pool', operator: 'NotIn', values: [''] }, [['pool', '']], false],
    // Exists / DoesNotExist look at the key only.
    ['Exists, label present', { key: 'gpu', operator: 'Exists' }, [['gpu', 'true']], true],
    ['Exists, label present and empty', { key: 'gpu', operator: 'Exists' }, [['gpu', '']], true],
    ['Exists, label absent', { key: 'gpu', operator: 'Exists' }, [['gpu-count', '1']], false],
    ['Exists with an empty values list', { key: 'gpu', operator: 'Exists', values: [] }, [['gpu', 'x']], true],
    ['DoesNotExist, label absent', { key: 'gpu', operator: 'DoesNotExist' }, [], true],
    ['DoesNotExist, label present and empty', { key: 'gpu', operator: 'DoesNotExist' }, [['gpu', '']], false],
    // Gt / Lt compare as int64 (strconv.ParseInt(s, 10, 64)).
    ['Gt, greater', { key: 'cores', operator: 'Gt', values: ['4'] }, [['cores', '8']], true],
    ['Gt, equal', { key: 'cores', operator: 'Gt', values: ['4'] }, [['cores', '4']], false],
    ['Gt, smaller', { key: 'cores', operator: 'Gt', values: ['4'] }, [['cores', '3']], false],
    ['Gt compares numbers, not strings ("10" > "9")', { key: 'cores', operator: 'Gt', values: ['9'] }, [['cores', '10']], true],
    ['Gt, label absent', { key: 'cores', operator: 'Gt', values: ['0'] }, [], false],
    ['Gt, label not an integer', { key: 'cores', operator: 'Gt', values: ['1'] }, [['cores', 'many']], false],
    ['Gt, label a decimal', { key: 'cores', operator: 'Gt', values: ['1'] }, [['cores', '2.5']], false],
    ['Gt, label empty', { key: 'cores', operator: 'Gt', values: ['0'] }, [['cores', '']], false],
    ['Gt, label with leading zeros', { key: 'cores', operator: 'Gt', values: ['5'] }, [['cores', '007']], true],
    ['Gt, bound with leading zeros', { key: 'cores', operator: 'Gt', values: ['010'] }, [['cores', '11']], true],
    ["Gt, label with a leading '+' (ParseInt accepts it)", { key: 'cores', operator: 'Gt', values: ['4'] }, [['cores', '+5']], true],
    ['Lt, label negative (ParseInt accepts it)', { key: 'offset', operator: 'Lt', values: ['0'] }, [['offset', '-5']], true],
    ['Gt, label beyond int64', { key: 'bytes', operator: 'Gt', values: ['1'] }, [['bytes', '9223372036854775808']], false],
    ['Gt, bound and label one apart at the top of int64 (no float rounding)',
      { key: 'bytes', operator: 'Gt', values: ['9223372036854775806'] }, [['bytes', INT64_MAX]], true],
    ['Lt, label the smallest int64', { key: 'bytes', operator: 'Lt', values: ['0'] }, [['bytes', INT64_MIN]], true],
    ['Lt, smaller', { key: 'cores', operator: 'Lt', values: ['4'] }, [['cores', '2']], true],
    ['Lt, equal', { key: 'cores', operator: 'Lt', values: ['4'] }, [['cores', '4']], false],
    ['Lt, greater', { key: 'cores', operator: 'Lt', values: ['4'] }, [['cores', '40']], false],
    ['Lt, label absent', { key: 'cores', operator: 'Lt', values: ['4'] }, [], false],
    ['Lt, label not an integer', { key: 'cores', operator: 'Lt', values: ['4'] }, [['cores', '0x1']], false],
  ])('%s', (_, expression, labels, expected) => {
    expect(matches(expression, labels)).toBe(expected);
  });

  it('a label key named like an Object.prototype member is just a label', () => {
    expect(matches({ key: 'constructor', operator: 'Exists' }, [])).toBe(false);
    expect(matches({ key: 'toString', operator: 'DoesNotExist' }, [])).toBe(true);
    expect(matches({ key: 'constructor', operator: 'In', values: ['x'] }, [['constructor', 'x']])).toBe(true);
    expect(matches({ key: 'valueOf', operator: 'NotIn', values: ['x'] }, [])).toBe(true);
  });
});

describe('labels.NewRequirement, through nodeSelectorRequirementsAsSelector (k8s.io/apimachinery/pkg/labels/selector.go, k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go)', () => {
  // A requirement that does not parse makes its whole term match no node (LazyErrorNodeSelector
  // keeps the parse error and skips the term); the other terms still decide.
  const FALLBACK = { matchExpressions: [{ key: 'pool', operator: 'In', values: ['fallback'] }] };

  it.each<[string, Expression, Labels]>([
    // Each node label would satisfy the expression if it parsed.
    ['an invalid key (space)', { key: 'bad key', operator: 'DoesNotExist' }, []],
    ['an invalid key (__proto__ starts with "_")', { key: '__proto__', operator: 'DoesNotExist' }, []],
    ['an invalid key (two slashes)', { key: 'a/b/c', operator: 'DoesNotExist' }, []],
    ['an invalid key prefix', { key: 'Example.COM/x', operator: 'DoesNotExist' }, []],
    ['an empty key', { key: '', operator: 'DoesNotExist' }, []],
    ['a key longer than 63 characters', { key: 'k'.repeat(64), operator: 'DoesNotExist' }, []],
    ['In without values', { key: 'pool', operator: 'In' }, [['pool', 'a']]],
    ['NotIn with an empty values list', { key: 'pool', operator: 'NotIn', values: [] }, [['pool', 'a']]],
    ['Exists with values', { key: 'gpu', operator: 'Exists', values: ['true'] }, [['gpu', 'true']]],
    ['DoesNotExist with values', { key: 'gpu', operator: 'DoesNotExist', values: ['true'] }, []],
    ['Gt without values', { key: 'cores', operator: 'Gt' }, [['cores', '8']]],
    ['Gt with two values', { key: 'cores', operator: 'Gt', values: ['1', '2'] }, [['cores', '8']]],
    ['Lt with a value that is not an integer', { key: 'cores', operator: 'Lt', values: ['ten'] }, [['cores', '8']]],
    ['Lt with a decimal', { key: 'cores', operator: 'Lt', values: ['9.5'] }, [['cores', '8']]],
    ['Gt with a bound beyond int64', { key: 'bytes', operator: 'Gt', values: ['9223372036854775808'] }, [['bytes', INT64_MAX]]],
    ['Lt with a bound beyond int64', { key: 'bytes', operator: 'Lt', values: ['99999999999999999999'] }, [['bytes', '1']]],
    // ParseInt accepts '+4' and '-1', but label-value validation of the bound does not.
    ["Gt with a leading '+' on the bound", { key: 'cores', operator: 'Gt', values: ['+4'] }, [['cores', '8']]],
    ['Gt with a negative bound', { key: 'cores', operator: 'Gt', values: ['-1'] }, [['cores', '8']]],
    ['In with a value that is no label value', { key: 'pool', operator: 'In', values: ['a b'] }, [['pool', 'a b']]],
    ['In with a value longer than 63 characters', { key: 'pool', operator: 'In', values: ['v'.repeat(64)] }, [['pool', 'v'.repeat(64)]]],
    ['NotIn with one bad value among good ones', { key: 'pool', operator: 'NotIn', values: ['a', '-b'] }, [['pool', 'c']]],
    ['an unknown operator', { key: 'pool', operator: 'Equals', values: ['a'] }, [['pool', 'a']]],
    ['an operator in the wrong case', { key: 'pool', operator: 'in', values: ['a'] }, [['pool', 'a']]],
    ['no operator', { key: 'pool', values: ['a'] }, [['pool', 'a']]],
  ])('%s: the term never matches, another term still can', (_, expression, labels) => {
    const manifest = withRequiredTerms('agent', [{ matchExpressions: [expression] }, FALLBACK]);
    const report = evaluatePlacement([manifest], [rawNode('would-match', labels), rawNode('fallback', [['pool', 'fallback']])]);
    const [wouldMatch, fallback] = only(report).placements;
    expect(wouldMatch.shouldRun).toBe(false);
    expect(wouldMatch.shouldContinueRunning).toBe(false);
    expect(wouldMatch.reasons).toHaveLength(1);
    expect(wouldMatch.reasons[0].code).toBe('NodeAffinityMismatch');
    expect(wouldMatch.reasons[0].message).toContain('the term matches no node');
    expect(fallback.shouldRun).toBe(true);
  });

  it('one requirement that does not parse spoils its term even when the others match', () => {
    const manifest = withRequiredTerms('agent', [{
      matchExpressions: [
        { key: 'pool', operator: 'In', values: ['a'] },
        { key: 'gpu', operator: 'Exists', values: ['true'] },
      ],
    }]);
    expect(verdict(manifest, rawNode('n', [['pool', 'a'], ['gpu', 'true']])).shouldRun).toBe(false);
  });

  it('the same requirements parse when written correctly (the cases above fail for their error alone)', () => {
    expect(matches({ key: 'example.com/x', operator: 'DoesNotExist' }, [])).toBe(true);
    expect(matches({ key: 'k'.repeat(63), operator: 'DoesNotExist' }, [])).toBe(true);
    expect(matches({ key: 'gpu', operator: 'Exists' }, [['gpu', 'true']])).toBe(true);
    expect(matches({ key: 'cores', operator: 'Gt', values: ['4'] }, [['cores', '8']])).toBe(true);
    expect(matches({ key: 'bytes', operator: 'Lt', values: [INT64_MAX] }, [['bytes', '1']])).toBe(true);
    expect(matches({ key: 'pool', operator: 'In', values: ['v'.repeat(63)] }, [['pool', 'v'.repeat(63)]])).toBe(true);
  });
});

describe('Gt and Lt compare as strconv.ParseInt(value, 10, 64) reads the label (labels.Requirement.Matches)', () => {
  // Short integers are compared as doubles, long ones as BigInts: both must agree with int64 arithmetic.
  const integerText = fc.oneof(
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
    fc.integer({ min: -1e15 + 1, max: 1e15 - 1 }).map(String),
    fc.tuple(fc.constantFrom('+', '-', '', '00'), fc.stringMatching(/^\d{1,18}$/)).map(([sign, digits]) => sign + digits),
  );

  // A bound is a label value too (NewRequirement validates it as one): digits, without a sign.
  const boundText = integerText.filter((text) => /^\d+$/.test(text));

  it('agrees with BigInt comparison for any int64 bound and label value', () => {
    fc.assert(fc.property(boundText, integerText, fc.constantFrom('Gt', 'Lt'), (bound, value, operator) => {
      const expected = operator === 'Gt' ? BigInt(value) > BigInt(bound) : BigInt(value) < BigInt(bound);
      const inRange = (text: string) => BigInt(text) >= -(2n ** 63n) && BigInt(text) < 2n ** 63n;
      fc.pre(inRange(bound));
      expect(matches({ key: 'serial', operator, values: [bound] }, [['serial', value]])).toBe(inRange(value) && expected);
    }));
  });

  // Node by node, a requirement is checked through a matcher built once for it (hundreds of racks
  // in a set, a bound as a number): it must answer as requirementMatchesValue does, value by value.
  it('is answered alike by the matcher built for checking many values', () => {
    const value = fc.option(fc.oneof(integerText, fc.constantFrom('rack-1', 'rack-2', '', '1e3', ' 7', '0x10')), { nil: undefined });
    const requirement = fc.oneof(
      fc.tuple(boundText, fc.constantFrom('Gt', 'Lt')).map(([bound, operator]) => ({ key: 'serial', operator, values: [bound] })),
      fc.tuple(fc.array(fc.constantFrom('rack-1', 'rack-2', '7', ''), { minLength: 1 }), fc.constantFrom('In', 'NotIn')).map(([values, operator]) => ({ key: 'rack', operator, values })),
      fc.constantFrom('Exists', 'DoesNotExist').map((operator) => ({ key: 'rack', operator })),
    ).map((raw) => parseLabelRequirement(raw)).filter((parsed): parsed is LabelRequirement => typeof parsed !== 'string');
    fc.assert(fc.property(requirement, fc.array(value, { maxLength: 8 }), (parsed, values) => {
      const matcher = requirementValueMatcher(parsed);
      // The requirement's own values too: a bound equal to the label, a listed value.
      const neighbours = parsed.values.flatMap((listed) => (/^\d+$/.test(listed) ? [listed, String(BigInt(listed) + 1n)] : [listed]));
      for (const text of [...values, ...neighbours]) expect(matcher(text)).toBe(requirementMatchesValue(parsed, text));
    }));
  });
});
