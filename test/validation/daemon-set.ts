/*
 * Shared fixtures for the validateDaemonSet tests: a minimal DaemonSet the API server accepts,
 * a way to change one field of it deeply, and assertions on the returned FieldError list.
 */
import { FieldError, FieldErrorType, validateDaemonSet } from '../../src/validation';

/** A parsed manifest: untyped on purpose, since tests feed it any shape. */
export type Manifest = any;

/** Changes a copy of the minimal DaemonSet in place. */
export type Mutator = (daemonSet: Manifest) => void;

const MINIMAL_DAEMON_SET = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: {
        containers: [{ name: 'agent', image: 'busybox' }],
      },
    },
  },
};

/** The minimal valid DaemonSet, as a fresh deep copy changed by `mutate` when given. */
export function daemonSet(mutate?: Mutator): Manifest {
  const copy = structuredClone(MINIMAL_DAEMON_SET);
  mutate?.(copy);
  return copy;
}

/** The pod spec of a DaemonSet built by `daemonSet`. */
export function podSpec(ds: Manifest): Manifest {
  return ds.spec.template.spec;
}

/** The first container of a DaemonSet built by `daemonSet`. */
export function container(ds: Manifest): Manifest {
  return ds.spec.template.spec.containers[0];
}

/** Validates the minimal DaemonSet changed by `mutate`. */
export function validate(mutate?: Mutator, previous?: unknown): FieldError[] {
  return validateDaemonSet(daemonSet(mutate), previous);
}

/** The errors at `field` or below it (`field.x`, `field[0]`). */
export function errorsAt(errors: readonly FieldError[], field: string): FieldError[] {
  return errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`));
}

/** What a rejected case must report: the exact path, the type and key words of the message. */
export interface ExpectedError {
  readonly field: string | RegExp;
  readonly type: FieldErrorType;
  /** Words the message must contain, in any order. */
  readonly words?: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A jest matcher for one FieldError. */
export function fieldError(expected: ExpectedError): unknown {
  const words = expected.words ?? [];
  const message = new RegExp(words.map((w) => `(?=[\\s\\S]*${escapeRegExp(w)})`).join(''));
  return expect.objectContaining({
    field: typeof expected.field === 'string' ? expected.field : expect.stringMatching(expected.field),
    type: expected.type,
    message: expect.stringMatching(message),
  });
}

/** Asserts that `errors` holds an error at the expected path, of the expected type and wording. */
export function expectError(errors: readonly FieldError[], expected: ExpectedError): void {
  expect(errors).toContainEqual(fieldError(expected));
}

/** Asserts that nothing is reported at `field` or below it. */
export function expectNoErrorAt(errors: readonly FieldError[], field: string): void {
  expect(errorsAt(errors, field)).toEqual([]);
}

/** Asserts that the API server would accept the manifest: no error at `field`, and none at all. */
export function expectAccepted(errors: readonly FieldError[], field: string): void {
  expectNoErrorAt(errors, field);
  expect(errors).toEqual([]);
}

/** Common field paths. */
export const TEMPLATE_SPEC = 'spec.template.spec';
