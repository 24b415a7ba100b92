// npm run bench — score() on a national-scale input against a plain baseline loop.
// Not a test: it prints figures and the targets, it asserts nothing.
import { score, type ScoringInput } from "../../scoring/index";
import { buildInput, CATEGORIES, type Size } from "./gen";

/** The plain loop: group by (nominee, criterion), average, weight, sort per category. */
function baseline(input: ScoringInput): number {
  const nomIndex = new Map<string, number>();
  input.nominees.forEach((n, i) => nomIndex.set(n.id, i));
  const crit = input.rubric.criteria;
  const critIndex = new Map<string, number>();
  crit.forEach((c, i) => critIndex.set(c.id, i));
  const C = crit.length;
  const N = input.nominees.length;
  const sum = new Float64Array(N * C);
  const cnt = new Int32Array(N * C);
  for (const s of input.scores) {
    const k = nomIndex.get(s.nominee)! * C + critIndex.get(s.criterion)!;
    sum[k] += s.value;
    cnt[k]++;
  }
  const byCat = new Map<string, { i: number; t: number }[]>();
  for (let i = 0; i < N; i++) {
    let t = 0;
    let w = 0;
    for (let c = 0; c < C; c++) {
      if (cnt[i * C + c] > 0) t += (crit[c].weight * sum[i * C + c]) / cnt[i * C + c];
      w += crit[c].weight;
    }
    const cat = input.nominees[i].category;
    let list = byCat.get(cat);
    if (list === undefined) byCat.set(cat, (list = []));
    list.push({ i, t: t / w });
  }
  let checksum = 0;
  for (const list of byCat.values()) {
    list.sort((a, b) => b.t - a.t);
    checksum += list[0].i;
  }
  return checksum;
}

function best(runs: number, f: () => unknown): number {
  let bestMs = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    bestMs = Math.min(bestMs, performance.now() - t0);
  }
  return bestMs;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function scenario(label: string, size: Size): void {
  const input = buildInput(size);
  const runs = 10;
  score(input); // warm-up
  const tScore = best(runs, () => score(input));
  baseline(input);
  const tBase = best(runs, () => baseline(input));
  const ratio = tScore / tBase;
  const r = score(input);
  const shortlisted = r.categories.reduce((a, c) => a + c.ranking.filter((e) => e.reached === "interview").length, 0);
  console.log(
    `\n${label}: ${input.nominees.length.toLocaleString("en")} nominees, ${input.scores.length.toLocaleString("en")} scores, ${shortlisted} shortlisted`,
  );
  console.log(`  score()    best of ${runs}: ${ms(tScore)}   (target < 1500 ms) ${tScore < 1500 ? "OK" : "MISSED"}`);
  console.log(`  baseline   best of ${runs}: ${ms(tBase)}`);
  console.log(`  ratio score()/baseline: ${ratio.toFixed(2)}×   (target ≤ 4×) ${ratio <= 4 ? "OK" : "MISSED"}`);
}

function main(): void {
  console.log("Scoring benchmark (deterministic input, seed 20240817)");
  scenario("National scale (5 desk assessors per nominee)", {
    perCategory: 2000,
    deskAssessors: 5,
    categories: CATEGORIES,
  });
  scenario("Heavier (7 desk assessors per nominee, ≈1 M scores)", {
    perCategory: 2000,
    deskAssessors: 7,
    categories: CATEGORIES,
  });

  const sensInput = buildInput({ perCategory: 500, deskAssessors: 5, categories: ["large"], sensitivity: true });
  score(sensInput);
  const tSens = best(3, () => score(sensInput));
  const sens = score(sensInput).categories[0].sensitivity!;
  console.log(`\nSensitivity on one 500-nominee category (${19 * 2} weight variants + 40 assessors left out):`);
  console.log(
    `  score() with sensitivity, best of 3: ${ms(tSens)}   (target < 5000 ms) ${tSens < 5000 ? "OK" : "MISSED"}; winnerStable=${sens.winnerStable}, ${sens.changes.length} changes`,
  );

  const mem = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `\nMemory: peak RSS ${mb(peakRss)} (target < 1024 MB) ${peakRss < 1024 ** 3 ? "OK" : "MISSED"}; now rss ${mb(mem.rss)}, heapUsed ${mb(mem.heapUsed)}, heapTotal ${mb(mem.heapTotal)}`,
  );
}

main();
