/**
 * Benchmark of the expert-assignment solver. Run with `npx tsx bench/assignment.ts`.
 * 1. Time: 1,000 proposals × 400 experts × 3 reviews each (full affinity matrix, 2 % conflicts,
 *    50 forced pairs, loads 6–12 with minimum loads 0–2); median and best of 5 runs.
 * 2. Optimality: random instances solved by the solver and by HiGHS (LP, an independent solver);
 *    the number of reviews, the minimum-load deficit and the total affinity must be equal.
 */
import loadHighs from 'highs';
import { solveAssignment } from '../src/server/modules/assignment/solve-assignment';
import { randomGenerator, randomInstance, referenceOptimum } from './assignment-highs';

const runs = 5;
const big = randomInstance(randomGenerator(2026), {
  proposals: 1000,
  experts: 400,
  demand: 3,
  maxLoad: [6, 12],
  minLoad: [0, 2],
  conflictRate: 0.02,
  forcedCount: 50,
});
const times: number[] = [];
const cpuTimes: number[] = [];
let last = solveAssignment(big);
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  last = solveAssignment(big);
  const cpu = process.cpuUsage(cpuStart);
  times.push(performance.now() - start);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
console.log(
  `Time: 1000 proposals × 400 experts × 3 reviews ` +
    `(${big.affinity?.length} affinities, ${big.conflicts?.length} conflicts, ${big.forced?.length} forced ` +
    `pairs)`,
);
console.log(
  `  wall clock: median ${times[Math.floor(runs / 2)].toFixed(0)} ms, ` +
    `best ${times[0].toFixed(0)} ms; CPU time: ` +
    `median ${cpuTimes[Math.floor(runs / 2)].toFixed(0)} ms (over ${runs} runs, load ` +
    (`average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ` +
      `${(await import('node:os')).cpus().length} cores); `) +
    `feasible=${last.feasible}, reviews=${last.assignments.length}, objective=${last.objective}`,
);

const highs = await loadHighs();
const families = [
  {
    label: 'small (2–16 × 2–10, tight loads, often infeasible)',
    count: 200,
    size: () => [2, 16, 2, 10] as const,
    maxLoad: [0, 6] as [number, number],
  },
  {
    label: 'medium (40–80 × 15–30)',
    count: 20,
    size: () => [40, 80, 15, 30] as const,
    maxLoad: [4, 12] as [number, number],
  },
  {
    label: 'large (300 × 120, checked once)',
    count: 1,
    size: () => [300, 300, 120, 120] as const,
    maxLoad: [6, 12] as [number, number],
  },
];
let seed = 1;
let allEqual = true;
for (const family of families) {
  let equal = 0;
  let infeasible = 0;
  let solverMs = 0;
  let highsMs = 0;
  for (let i = 0; i < family.count; i++) {
    const random = randomGenerator(seed++);
    const [pLow, pHigh, eLow, eHigh] = family.size();
    const instance = randomInstance(random, {
      proposals: pLow + Math.floor(random() * (pHigh - pLow + 1)),
      experts: eLow + Math.floor(random() * (eHigh - eLow + 1)),
      demand: 1 + Math.floor(random() * 3),
      maxLoad: family.maxLoad,
      minLoad: i % 3 === 0 ? [0, 3] : undefined,
      conflictRate: 0.1,
      forcedCount: Math.floor(random() * 5),
      density: 0.9,
    });
    let start = performance.now();
    const result = solveAssignment(instance);
    solverMs += performance.now() - start;
    start = performance.now();
    const reference = referenceOptimum(highs, instance);
    highsMs += performance.now() - start;
    const deficit = (result.underloaded ?? []).reduce((sum, u) => sum + u.missing, 0);
    const same =
      result.assignments.length === reference.reviews &&
      deficit === reference.minimumDeficit &&
      Math.abs(result.objective - reference.objective) < 1e-6;
    if (same) equal++;
    else
      console.log(
        `  MISMATCH seed ${seed - 1}:`,
        { reviews: result.assignments.length, deficit, objective: result.objective },
        reference,
      );
    if (!result.feasible) infeasible++;
  }
  allEqual &&= equal === family.count;
  console.log(
    `Optimality, ${family.label}: ${equal}/${family.count} equal to HiGHS ` +
      `(${infeasible} infeasible); solver ${solverMs.toFixed(0)} ms, HiGHS ${highsMs.toFixed(0)} ms ` +
      `in total`,
  );
}
console.log(
  allEqual ? 'All objectives equal the LP optimum.' : 'SOME OBJECTIVES DIFFER FROM THE LP OPTIMUM.',
);
if (!allEqual) process.exitCode = 1;
