// The command line: npm run score -- FILE (here: npx tsx scoring/cli.ts FILE).
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { singleCriterion } from "./helpers";

const root = new URL("../../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "scoring-cli-"));

function run(args: string[], stdin?: string) {
  const r = spawnSync("npx", ["tsx", "scoring/cli.ts", ...args], { cwd: root, input: stdin, encoding: "utf8" });
  // npx itself may warn about the local npm configuration; those lines are not the CLI's.
  const stderr = r.stderr
    .split("\n")
    .filter((l) => !/^npm (warn|notice)/i.test(l))
    .join("\n");
  return { code: r.status, stdout: r.stdout, stderr };
}

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe("scoring CLI", () => {
  it("through npm, silenced (npm run -s score -- FILE), standard output is the result JSON alone", () => {
    const input = singleCriterion({ n1: { a: 8, b: 6 } }, {}, 10);
    const r = spawnSync("npm", ["run", "-s", "score", "--", file("npm.json", JSON.stringify(input))], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty("categories");
  });

  it("prints the result JSON and exits 0 for a good file", () => {
    const input = singleCriterion({ n1: { a: 8, b: 6 }, n2: { a: 5, b: 5 } }, {}, 10);
    const r = run([file("good.json", JSON.stringify(input))]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.categories[0].ranking.map((e: { nominee: string; total: number }) => [e.nominee, e.total])).toEqual([
      ["n1", 70],
      ["n2", 50],
    ]);
    expect(r.stdout).toBe(JSON.stringify(out, null, 2) + "\n");
    // standard input ("-" or no argument) gives the same bytes
    expect(run(["-"], JSON.stringify(input)).stdout).toBe(r.stdout);
    expect(run([], JSON.stringify(input)).stdout).toBe(r.stdout);
  });

  it("exits 2 with one path-precise line per problem and nothing on stdout for a bad file", () => {
    const input = singleCriterion({ n1: { a: 8, b: 6 }, n2: { a: 5, b: 5 } }, { tieBreak: ["stage:final"] }, 10);
    input.scores[3].value = 11;
    input.scores[1].criterion = "nope";
    const r = run([file("bad.json", JSON.stringify(input))]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n").sort()).toEqual([
      'method.tieBreak[0]: unknown stage "final"',
      'scores[1].criterion: unknown criterion "nope"',
      "scores[3].value: must be ≤ max (10)",
    ]);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it("exits 2 on invalid JSON and on an unreadable file, with one line", () => {
    const bad = run([file("broken.json", "{ not json")]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/^\(root\): invalid JSON/);
    const missing = run([join(dir, "does-not-exist.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(missing.stderr).toMatch(/^cannot read .*does-not-exist\.json: ENOENT/);
  });
});
