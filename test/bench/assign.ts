// npx tsx test/bench/assign.ts — autoAssign() on a 500-entry, 40-assessor edition (k = 3, with
// conflicts). Not a test: it prints the figure against the 2 s target and asserts nothing.
import { autoAssign } from "../../app/lib/auto-assign";

const entries = Array.from({ length: 500 }, (_, i) => i + 1);
const people = Array.from({ length: 40 }, (_, i) => 1000 + i);
const blocked = entries.flatMap((e) => [
  { entry: e, person: 1000 + ((e * 7) % 40) },
  { entry: e, person: 1000 + ((e * 13) % 40) },
]);

const runs = 5;
const times: number[] = [];
let plan = autoAssign({ entries, people, k: 3, blocked });
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  plan = autoAssign({ entries, people, k: 3, blocked });
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const loads = plan.loads.map((l) => l.total);
console.log(`autoAssign 500 entries × 40 assessors, k = 3, ${blocked.length} blocked pairs`);
console.log(
  `  pairs ${plan.pairs.length}, short ${plan.short.length}, load ${Math.min(...loads)}–${Math.max(...loads)} (cap ${plan.cap})`,
);
console.log(
  `  median ${times[Math.floor(runs / 2)].toFixed(1)} ms, worst ${times[runs - 1].toFixed(1)} ms (target < 2000 ms)`,
);
