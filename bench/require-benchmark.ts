/*
 * What `require('everynode')` (the core entry, compiled) costs a user, against
 * `require('cdk8s-plus-33')`, the library a cdk8s user would otherwise reach for. Target: <= 0.25x.
 */
import { comparison, interleavedMedians, START, timeInFreshProcess } from './fresh-process';

const RUNS = 15;
const TARGET = 0.25;

const TIME_REQUIRE = `const stop = ${START}; require(process.argv[1]); stop();`;

function main(): void {
  const times = interleavedMedians(RUNS, {
    everynode: () => timeInFreshProcess(TIME_REQUIRE, ['everynode']),
    cdk8sPlus: () => timeInFreshProcess(TIME_REQUIRE, ['cdk8s-plus-33']),
  });
  console.log(`require in a fresh process, median of ${RUNS} interleaved runs:`);
  console.log(`  require('everynode') vs require('cdk8s-plus-33'): ${comparison(times.everynode, times.cdk8sPlus, TARGET)}`);
}

main();
