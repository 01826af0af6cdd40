import { DaemonPropsError } from '../../src/daemon';

/** The DaemonPropsError that `construct` throws: a constructor, a component, or the model itself. */
export function propsErrorOf(construct: () => unknown): DaemonPropsError {
  try {
    construct();
  } catch (error) {
    expect(error).toBeInstanceOf(DaemonPropsError);
    return error as DaemonPropsError;
  }
  throw new Error('expected a DaemonPropsError, but nothing was thrown');
}

/** The message users read: the owner, then each prop as they wrote it. */
export function propsErrorMessage(construct: () => unknown): string {
  return propsErrorOf(construct).message;
}
