// Automatic assignment of assessors (or jurors) to entries. Pure and deterministic: the same input
// always gives the same plan; ties are broken by load, then by id — never by chance.
//
// Method: greedy, most constrained entry first (fewest eligible people), each slot going to the
// eligible person with the least load (then the smallest id). An entry left short is repaired by
// one exchange: a full person eligible for it hands one of their entries to a person below the cap.

export type Id = number;

export interface AutoAssignInput {
  entries: Id[];
  people: Id[];
  /** People per entry. */
  k: number;
  /** Most entries per person (counting existing assignments). Default: ceil(entries·k / people). */
  cap?: number;
  /** Pairs that must not be made: declared conflicts, same organisation. */
  blocked?: { entry: Id; person: Id }[];
  /** Pairs that already exist in the stage: they count towards k and the load. */
  existing?: { entry: Id; person: Id }[];
}

export interface AutoAssignPlan {
  /** New pairs to add, by entry then person. */
  pairs: { entry: Id; person: Id }[];
  /** Load per person after the plan (existing + new), by person id. */
  loads: { person: Id; existing: number; added: number; total: number }[];
  /** Entries that could not get k people (how many are missing). */
  short: { entry: Id; missing: number }[];
  cap: number;
}

const key = (e: Id, p: Id) => `${e}/${p}`;

export function autoAssign(input: AutoAssignInput): AutoAssignPlan {
  const entries = [...new Set(input.entries)].sort((a, b) => a - b);
  const people = [...new Set(input.people)].sort((a, b) => a - b);
  const k = Math.max(0, Math.floor(input.k));
  const cap =
    input.cap !== undefined && input.cap > 0
      ? Math.floor(input.cap)
      : people.length === 0
        ? 0
        : Math.ceil((entries.length * Math.min(k, people.length)) / people.length);
  const blocked = new Set((input.blocked ?? []).map((b) => key(b.entry, b.person)));
  const entrySet = new Set(entries);
  const personSet = new Set(people);

  const onEntry = new Map<Id, Set<Id>>(entries.map((e) => [e, new Set<Id>()]));
  const existingLoad = new Map<Id, number>(people.map((p) => [p, 0]));
  for (const x of input.existing ?? []) {
    if (!entrySet.has(x.entry)) {
      if (personSet.has(x.person)) existingLoad.set(x.person, existingLoad.get(x.person)! + 1);
      continue;
    }
    // An assessor who declared a conflict, or is no longer on the panel, does not count towards k:
    // the entry gets someone else (blocked or absent people are never given it again anyway).
    if (!personSet.has(x.person) || blocked.has(key(x.entry, x.person))) continue;
    onEntry.get(x.entry)!.add(x.person);
    existingLoad.set(x.person, existingLoad.get(x.person)! + 1);
  }
  const load = new Map(existingLoad);
  const added = new Map<Id, Set<Id>>(people.map((p) => [p, new Set<Id>()]));

  const eligible = (e: Id, p: Id) => !blocked.has(key(e, p)) && !onEntry.get(e)!.has(p);
  const need = (e: Id) => Math.max(0, k - onEntry.get(e)!.size);

  // Most constrained first: fewest eligible people, then id.
  const eligibleCount = new Map(entries.map((e) => [e, people.filter((p) => eligible(e, p)).length]));
  const order = [...entries].sort((a, b) => eligibleCount.get(a)! - eligibleCount.get(b)! || a - b);

  const byLoad = (a: Id, b: Id) => load.get(a)! - load.get(b)! || a - b;
  const give = (e: Id, p: Id) => {
    onEntry.get(e)!.add(p);
    added.get(p)!.add(e);
    load.set(p, load.get(p)! + 1);
  };
  const take = (e: Id, p: Id) => {
    onEntry.get(e)!.delete(p);
    added.get(p)!.delete(e);
    load.set(p, load.get(p)! - 1);
  };

  for (const e of order) {
    let n = need(e);
    if (n === 0) continue;
    const candidates = people.filter((p) => eligible(e, p) && load.get(p)! < cap).sort(byLoad);
    for (const p of candidates) {
      if (n === 0) break;
      give(e, p);
      n--;
    }
  }

  // Repair: an entry still short takes a full person, who hands one of their new entries on.
  for (const e of order) {
    let guard = people.length;
    while (need(e) > 0 && guard-- > 0) {
      let done = false;
      for (const full of people.filter((p) => eligible(e, p) && load.get(p)! >= cap).sort(byLoad)) {
        for (const f of [...added.get(full)!].sort((a, b) => a - b)) {
          const taker = people.filter((q) => q !== full && eligible(f, q) && load.get(q)! < cap).sort(byLoad)[0];
          if (taker === undefined) continue;
          take(f, full);
          give(f, taker);
          give(e, full);
          done = true;
          break;
        }
        if (done) break;
      }
      if (!done) break;
    }
  }

  const pairs = entries.flatMap((e) =>
    people.filter((p) => added.get(p)!.has(e)).map((p) => ({ entry: e, person: p })),
  );
  return {
    pairs,
    loads: people.map((p) => ({
      person: p,
      existing: existingLoad.get(p)!,
      added: added.get(p)!.size,
      total: load.get(p)!,
    })),
    short: entries.filter((e) => need(e) > 0).map((e) => ({ entry: e, missing: need(e) })),
    cap,
  };
}

/**
 * Why a plan adds nothing, so that the page can say so instead of offering to apply 0 pairs:
 * no entries in the stage, nobody on its panel, every entry already has k people, the people
 * still needed are all at the cap, or everyone left is blocked (conflict, own organisation) or
 * already on the entry. Null when the plan has pairs.
 */
export type EmptyPlanReason = "no_entries" | "no_people" | "complete" | "at_capacity" | "blocked";

export function emptyPlanReason(input: AutoAssignInput, plan: AutoAssignPlan): EmptyPlanReason | null {
  if (plan.pairs.length > 0) return null;
  if (input.entries.length === 0) return "no_entries";
  if (input.people.length === 0) return "no_people";
  if (plan.short.length === 0) return "complete";
  const blocked = new Set((input.blocked ?? []).map((b) => key(b.entry, b.person)));
  const on = new Set((input.existing ?? []).map((x) => key(x.entry, x.person)));
  const someoneFree = plan.short.some((s) =>
    input.people.some((p) => !blocked.has(key(s.entry, p)) && !on.has(key(s.entry, p))),
  );
  return someoneFree ? "at_capacity" : "blocked";
}

/** The plan's new pairs per entry, in the plan's order: entry → the people it gets. */
export function pairsByEntry(pairs: AutoAssignPlan["pairs"]): Map<Id, Id[]> {
  const out = new Map<Id, Id[]>();
  for (const p of pairs) out.set(p.entry, [...(out.get(p.entry) ?? []), p.person]);
  return out;
}
