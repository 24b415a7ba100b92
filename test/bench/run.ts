// npm run bench — score() on a national-scale input against a plain baseline loop.
// Not a test: it prints figures and the targets, it asserts nothing.
// Every scenario is timed against its plain baseline in the same run, interleaved: the ratio is the figure.
import { parseScoringInput, score, type ScoringInput } from "../../scoring/index";
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

/** The plain loop once per sensitivity variant: base, every weight ×(1∓δ), every assessor left out. */
function baselineVariants(input: ScoringInput, delta: number): number {
  const crit = input.rubric.criteria;
  const base = crit.map((c) => c.weight);
  const assessors = [...new Set(input.scores.map((s) => s.assessor))];
  let checksum = plainVariant(input, base, null);
  crit.forEach((_, c) => {
    for (const f of [1 - delta, 1 + delta]) {
      const w = base.slice();
      w[c] = w[c]! * f;
      checksum += plainVariant(input, w, null);
    }
  });
  for (const a of assessors) checksum += plainVariant(input, base, a);
  return checksum;
}

/** The plain loop with given weights, leaving one assessor out. */
function plainVariant(input: ScoringInput, weights: number[], without: string | null): number {
  const nomIndex = new Map<string, number>();
  input.nominees.forEach((n, i) => nomIndex.set(n.id, i));
  const critIndex = new Map<string, number>();
  input.rubric.criteria.forEach((c, i) => critIndex.set(c.id, i));
  const C = weights.length;
  const N = input.nominees.length;
  const sum = new Float64Array(N * C);
  const cnt = new Int32Array(N * C);
  for (const s of input.scores) {
    if (s.assessor === without) continue;
    const k = nomIndex.get(s.nominee)! * C + critIndex.get(s.criterion)!;
    sum[k] += s.value;
    cnt[k]++;
  }
  const list: { i: number; t: number }[] = [];
  for (let i = 0; i < N; i++) {
    let t = 0;
    let w = 0;
    for (let c = 0; c < C; c++) {
      if (cnt[i * C + c] > 0) t += (weights[c] * sum[i * C + c]) / cnt[i * C + c];
      w += weights[c];
    }
    list.push({ i, t: t / w });
  }
  list.sort((a, b) => b.t - a.t);
  return list[0].i;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(0)} ms`;

/**
 * Times `subject` and `base` interleaved (alternating which goes first), so that both see the same
 * machine; the ratio is of the best times of this one run.
 */
function compare(runs: number, subject: () => unknown, base: () => unknown): { tSubject: number; tBase: number } {
  subject(); // warm-up
  base();
  let tSubject = Infinity;
  let tBase = Infinity;
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      const t0 = performance.now();
      if (which === 0) subject();
      else base();
      const t = performance.now() - t0;
      if (which === 0) tSubject = Math.min(tSubject, t);
      else tBase = Math.min(tBase, t);
    }
  }
  return { tSubject, tBase };
}

const TARGET = 3;
const AIM = 1.5;

function report(label: string, runs: number, tSubject: number, tBase: number, baseName = "baseline"): number {
  const ratio = tSubject / tBase;
  const verdict = ratio <= AIM ? "OK (within the aim)" : ratio <= TARGET ? "OK" : "MISSED";
  console.log(`  ${label.padEnd(10)} best of ${runs}: ${ms(tSubject)}`);
  console.log(`  ${baseName.padEnd(10)} best of ${runs}: ${ms(tBase)}`);
  console.log(`  ratio: ${ratio.toFixed(2)}×   (target ≤ ${TARGET}×, aim ${AIM}×) ${verdict}`);
  return ratio;
}

function scenario(label: string, size: Size): number {
  const input = buildInput(size);
  const runs = 10;
  const { tSubject, tBase } = compare(
    runs,
    () => score(input),
    () => baseline(input),
  );
  const r = score(input);
  const shortlisted = r.categories.reduce((a, c) => a + c.ranking.filter((e) => e.reached === "interview").length, 0);
  console.log(
    `\n${label}: ${input.nominees.length.toLocaleString("en")} nominees, ${input.scores.length.toLocaleString("en")} scores, ${shortlisted} shortlisted`,
  );
  return report("score()", runs, tSubject, tBase);
}

function sensitivityScenario(): number {
  const input = buildInput({ perCategory: 500, deskAssessors: 5, categories: ["large"], sensitivity: true });
  const delta = input.method!.sensitivity!.weightDelta;
  const runs = 5;
  const { tSubject, tBase } = compare(
    runs,
    () => score(input),
    () => baselineVariants(input, delta),
  );
  const sens = score(input).categories[0].sensitivity!;
  const variants = 2 * input.rubric.criteria.length;
  const assessors = new Set(input.scores.map((s) => s.assessor)).size;
  console.log(
    `\nSensitivity on one 500-nominee category (${variants} weight variants + ${assessors} assessors left out; the baseline runs the plain loop per variant): winnerStable=${sens.winnerStable}, ${sens.changes.length} changes`,
  );
  return report("score()", runs, tSubject, tBase);
}

function contract2Scenario(): number {
  // Contract 2 adds the one-way figures (one pass per stage) and rankWithout (ranks the sensitivity
  // variants already computed): measured against the same input scored as contract 1.
  const input = buildInput({ perCategory: 2000, deskAssessors: 5, categories: ["large"], sensitivity: true });
  const v2: ScoringInput = { ...input, contract: 2 };
  const runs = 5;
  const { tSubject, tBase } = compare(
    runs,
    () => score(v2),
    () => score(input),
  );
  console.log(
    `\nContract 2 with sensitivity on one 2,000-nominee category (${input.scores.length.toLocaleString("en")} scores); the baseline is score() of the same input as contract 1`,
  );
  return report("contract 2", runs, tSubject, tBase, "contract 1");
}

function parseScenario(): number {
  // One large category as the app checks it before scoring: 10,000 entries, ≈ 300k scores, read from JSON.
  const json = JSON.parse(JSON.stringify(buildInput({ perCategory: 10000, deskAssessors: 2, categories: ["large"] })));
  const runs = 5;
  const { tSubject, tBase } = compare(
    runs,
    () => {
      if (!parseScoringInput(json).ok) throw new Error("bench input refused");
    },
    () => baseline(json),
  );
  console.log(
    `\nParse (parseScoringInput) of one category: ${json.nominees.length.toLocaleString("en")} entries, ${json.scores.length.toLocaleString("en")} scores; the baseline is the plain loop on the same input`,
  );
  return report("parse", runs, tSubject, tBase);
}

function main(): void {
  console.log("Scoring benchmark (deterministic input, seed 20240817); ratios of best times, measured interleaved");
  const ratios = [
    scenario("National scale (5 desk assessors per nominee)", {
      perCategory: 2000,
      deskAssessors: 5,
      categories: CATEGORIES,
    }),
    scenario("Heavier (7 desk assessors per nominee, ≈1 M scores)", {
      perCategory: 2000,
      deskAssessors: 7,
      categories: CATEGORIES,
    }),
    sensitivityScenario(),
    contract2Scenario(),
    parseScenario(),
  ];

  const mem = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `\nMemory: peak RSS ${mb(peakRss)} (target < 1024 MB) ${peakRss < 1024 ** 3 ? "OK" : "MISSED"}; now rss ${mb(mem.rss)}, heapUsed ${mb(mem.heapUsed)}, heapTotal ${mb(mem.heapTotal)}`,
  );
  console.log(`Worst ratio: ${Math.max(...ratios).toFixed(2)}× (target ≤ ${TARGET}×)`);
}

main();
