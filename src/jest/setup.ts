/*
 * For jest's `setupFilesAfterEnv: ['everynode/jest/setup']`: adds the placement matchers and the
 * snapshot serializer to every test file.
 */
import { placementMatchers } from './matchers';
import { placementSerializer } from './serializer';

// jest's `injectGlobals: false` leaves no global expect; say so rather than fail on `undefined`.
if (typeof expect === 'undefined') {
  throw new Error('everynode/jest/setup needs the global `expect`: load it with setupFilesAfterEnv, with injectGlobals on');
}
expect.extend(placementMatchers);
expect.addSnapshotSerializer(placementSerializer);
