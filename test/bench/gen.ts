// Deterministic national-scale input for the benchmark (seeded PRNG, no clock, no Math.random).
//   12,000 nominees in 6 categories; desk: 16 criteria (12 judged, 4 indicators), 5 assessors per
//   nominee; interview (shortlist: top 100 per category): 3 criteria, a jury of 5.
import type { ScoringInput } from "../../scoring/index";

export const CATEGORIES = ["province", "regency_city", "large", "medium", "public_service", "micro_small"];

/** A small seeded PRNG (the benchmarks never use Math.random: every run sees the same data). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Size {
  perCategory: number;
  deskAssessors: number;
  categories: string[];
  sensitivity?: boolean;
}

export function buildInput(size: Size, seed = 20240817): ScoringInput {
  const rand = mulberry32(seed);
  const judged = Array.from({ length: 12 }, (_, i) => ({
    id: `desk_j${i + 1}`,
    stage: "desk",
    weight: 1 + (i % 4),
    type: "judged" as const,
    max: i % 3 === 0 ? 10 : 100,
  }));
  const indicators = Array.from({ length: 4 }, (_, i) => ({
    id: `desk_i${i + 1}`,
    stage: "desk",
    weight: 2,
    type: "indicator" as const,
    indicator: `ind${i + 1}`,
    bands: [
      { min: 90, points: 100 },
      { min: 75, points: 80 },
      { min: 50, points: 50 },
      { min: 0, points: 20 },
    ],
  }));
  const interview = Array.from({ length: 3 }, (_, i) => ({
    id: `iv${i + 1}`,
    stage: "interview",
    weight: 1,
    type: "judged" as const,
    max: 10,
  }));
  const input: ScoringInput = {
    rubric: {
      stages: [
        { id: "desk", weight: 60, advance: { top: 100 } },
        { id: "interview", weight: 40 },
      ],
      criteria: [...judged, ...indicators, ...interview],
      gates: [{ id: "no_arrears", indicator: "arrears_months", op: "<=", value: 0 }],
    },
    method: {
      aggregate: { kind: "trimmed-mean", trim: 1, minPanel: 5 },
      calibration: "none",
      tieBreak: ["stage:interview"],
      ...(size.sensitivity ? { sensitivity: { weightDelta: 0.1 } } : {}),
    },
    nominees: [],
    scores: [],
  };
  const clamp = (x: number, max: number) =>
    Math.max(0, Math.min(max, Math.round(x * max) / max === x ? x : Math.round(x * 10) / 10));
  for (const category of size.categories) {
    const pool = Array.from({ length: 40 }, (_, i) => `${category}-asr${String(i).padStart(2, "0")}`);
    const jury = Array.from({ length: 5 }, (_, i) => `${category}-jury${i}`);
    const bias = pool.map(() => (rand() - 0.5) * 0.2);
    const quality: { id: string; q: number }[] = [];
    for (let n = 0; n < size.perCategory; n++) {
      const id = `${category}-${String(n).padStart(5, "0")}`;
      const q = rand();
      quality.push({ id, q });
      const indicatorsOf: Record<string, number> = { arrears_months: rand() < 0.04 ? 1 + Math.floor(rand() * 6) : 0 };
      for (let i = 1; i <= 4; i++)
        if (rand() > 0.01)
          indicatorsOf[`ind${i}`] = Math.round(1000 * Math.min(100, 40 + 60 * q + 20 * (rand() - 0.5))) / 1000;
      input.nominees.push({ id, category, indicators: indicatorsOf });
      // 5 distinct assessors from the pool
      const chosen: number[] = [];
      while (chosen.length < size.deskAssessors) {
        const a = Math.floor(rand() * pool.length);
        if (!chosen.includes(a)) chosen.push(a);
      }
      for (const c of judged) {
        for (const a of chosen) {
          const x = Math.max(0, Math.min(1, q + bias[a] + (rand() - 0.5) * 0.3));
          input.scores.push({ assessor: pool[a], nominee: id, criterion: c.id, value: clamp(x * c.max, c.max) });
        }
      }
    }
    // Interview scores for the strongest quarter (by latent quality): the actual shortlist (top 100
    // by desk score) lies well within it; scores of nominees not shortlisted are ignored.
    quality.sort((a, b) => b.q - a.q);
    for (const { id, q } of quality.slice(0, Math.ceil(size.perCategory / 4))) {
      for (const c of interview) {
        for (const j of jury) {
          const x = Math.max(0, Math.min(1, q + (rand() - 0.5) * 0.4));
          input.scores.push({ assessor: j, nominee: id, criterion: c.id, value: Math.round(x * 10) });
        }
      }
    }
  }
  return input;
}
