import { describe, expect, it } from "vitest";
import { autoAssign, emptyPlanReason, pairsByEntry, type AutoAssignInput } from "../../app/lib/auto-assign";

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);

function check(input: AutoAssignInput) {
  const plan = autoAssign(input);
  const blocked = new Set((input.blocked ?? []).map((b) => `${b.entry}/${b.person}`));
  const per = new Map<number, Set<number>>();
  for (const x of [...(input.existing ?? []), ...plan.pairs]) {
    const s = per.get(x.entry) ?? new Set<number>();
    expect(s.has(x.person), `duplicate ${x.entry}/${x.person}`).toBe(false);
    s.add(x.person);
    per.set(x.entry, s);
  }
  for (const p of plan.pairs)
    expect(blocked.has(`${p.entry}/${p.person}`), `blocked pair ${p.entry}/${p.person}`).toBe(false);
  for (const l of plan.loads) expect(l.added === 0 || l.total <= plan.cap).toBe(true);
  return { plan, per };
}

describe("autoAssign", () => {
  it("gives every entry k people and balances the load", () => {
    const { plan, per } = check({ entries: range(30), people: range(7, 100), k: 3 });
    for (const e of range(30)) expect(per.get(e)?.size).toBe(3);
    const totals = plan.loads.map((l) => l.total);
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
    expect(plan.short).toEqual([]);
    expect(plan.cap).toBe(Math.ceil((30 * 3) / 7));
  });

  it("respects an explicit cap and reports entries left short", () => {
    const { plan, per } = check({ entries: range(10), people: range(3, 100), k: 3, cap: 5 });
    for (const l of plan.loads) expect(l.total).toBeLessThanOrEqual(5);
    const assigned = [...per.values()].reduce((a, s) => a + s.size, 0);
    expect(assigned).toBe(15);
    expect(plan.short.reduce((a, s) => a + s.missing, 0)).toBe(30 - 15);
  });

  it("does not count an assessor who declared a conflict, or left the panel, towards k", () => {
    // Entry 1 already has 100 (who then declared a conflict), 101 (deactivated: not among the
    // people) and 102; with k = 3 it needs two more, and neither 100 nor 101 is given it again.
    const plan = autoAssign({
      entries: [1],
      people: [100, 102, 103, 104, 105],
      k: 3,
      blocked: [{ entry: 1, person: 100 }],
      existing: [
        { entry: 1, person: 100 },
        { entry: 1, person: 101 },
        { entry: 1, person: 102 },
      ],
    });
    expect(plan.pairs.map((p) => p.person).sort()).toEqual([103, 104]);
    expect(plan.short).toEqual([]);
  });

  it("never pairs a declared conflict or a member of the entrant organisation", () => {
    const blocked = range(20).flatMap((e) => [
      { entry: e, person: 100 + (e % 5) },
      { entry: e, person: 100 + ((e + 1) % 5) },
    ]);
    const { plan, per } = check({ entries: range(20), people: range(5, 100), k: 3, blocked });
    expect(plan.short).toEqual([]);
    for (const e of range(20)) expect(per.get(e)?.size).toBe(3);
  });

  it("covers the most constrained entry even with a cap of 1", () => {
    // Entry 1 can only be scored by person 10; the greedy order (most constrained first) and the
    // repair keep it covered even with a cap of 1.
    const { plan } = check({
      entries: [1, 2],
      people: [10, 11],
      k: 1,
      cap: 1,
      blocked: [{ entry: 1, person: 11 }],
    });
    expect(plan.short).toEqual([]);
    expect(plan.pairs).toEqual([
      { entry: 1, person: 10 },
      { entry: 2, person: 11 },
    ]);
  });

  it("counts existing assignments towards k and the load", () => {
    const existing = range(6).map((e) => ({ entry: e, person: 100 }));
    const { plan, per } = check({ entries: range(6), people: range(4, 100), k: 2, existing });
    for (const e of range(6)) expect(per.get(e)?.size).toBe(2);
    expect(plan.pairs.some((p) => p.person === 100)).toBe(false);
    expect(plan.loads.find((l) => l.person === 100)).toEqual({ person: 100, existing: 6, added: 0, total: 6 });
  });

  it("is deterministic and independent of input order", () => {
    const a = autoAssign({ entries: range(40), people: range(9, 100), k: 3, blocked: [{ entry: 3, person: 101 }] });
    const b = autoAssign({
      entries: range(40).reverse(),
      people: range(9, 100).reverse(),
      k: 3,
      blocked: [{ entry: 3, person: 101 }],
    });
    expect(b).toEqual(a);
  });

  it("handles a 500-entry, 40-assessor edition with conflicts", () => {
    const blocked = range(500).map((e) => ({ entry: e, person: 1000 + ((e * 7) % 40) }));
    const { plan, per } = check({ entries: range(500), people: range(40, 1000), k: 3, blocked });
    expect(plan.short).toEqual([]);
    for (const e of range(500)) expect(per.get(e)?.size).toBe(3);
    for (const l of plan.loads) expect(l.total).toBeLessThanOrEqual(Math.ceil(1500 / 40));
  });
});

describe("emptyPlanReason and pairsByEntry", () => {
  const reason = (input: AutoAssignInput) => emptyPlanReason(input, autoAssign(input));
  it("says why a plan adds nothing, and nothing when it adds pairs", () => {
    expect(reason({ entries: [1, 2], people: [10, 11], k: 1 })).toBeNull();
    expect(reason({ entries: [], people: [10], k: 1 })).toBe("no_entries");
    expect(reason({ entries: [1], people: [], k: 1 })).toBe("no_people");
    expect(reason({ entries: [1], people: [10, 11], k: 1, existing: [{ entry: 1, person: 10 }] })).toBe("complete");
    expect(
      reason({
        entries: [1],
        people: [10, 11],
        k: 2,
        existing: [{ entry: 1, person: 10 }],
        blocked: [{ entry: 1, person: 11 }],
      }),
    ).toBe("blocked");
    expect(reason({ entries: [1, 2], people: [10], k: 1, cap: 1, existing: [{ entry: 1, person: 10 }] })).toBe(
      "at_capacity",
    );
  });
  it("groups the new pairs by entry", () => {
    const plan = autoAssign({ entries: [1, 2], people: [10, 11], k: 2 });
    expect([...pairsByEntry(plan.pairs)]).toEqual([
      [1, [10, 11]],
      [2, [10, 11]],
    ]);
  });
});
