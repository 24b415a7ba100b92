import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { textsJson } from "../../app/i18n/texts.server";
import { messages, type MessageKey } from "../../app/i18n/messages";

// Issue 12, item 4: the browser gets neither zod nor the scoring module's schema, and of the texts
// only the page's language (fetched apart, ADR 0008). Reads the production build's client assets
// (`npm test` builds first; alone: `npm run build`, or BUILD_DIR for a build elsewhere).

const buildDir = resolve(process.env.BUILD_DIR ?? "build");
const assets = join(buildDir, "client/assets");

function clientChunks(): { name: string; code: string }[] {
  if (!existsSync(assets)) throw new Error(`No client build in ${assets}: run npm run build first`);
  return readdirSync(assets)
    .filter((name) => name.endsWith(".js"))
    .map((name) => ({ name, code: readFileSync(join(assets, name), "utf8") }));
}

/** Texts long and particular enough to be found only where the dictionary is. */
const SAMPLE: MessageKey[] = [
  "nav.skip",
  "app.tagline",
  "assess.list.empty",
  "error.notFound.body",
  "login.throttled",
  "portal.figures.error.monthsSum",
];

describe("the browser bundle", () => {
  const chunks = clientChunks();

  it("holds no zod", () => {
    expect(chunks.length).toBeGreaterThan(10);
    // Names zod's own code carries as strings (its error class and its core type's constructor).
    const withZod = chunks.filter((c) => c.code.includes("ZodError") || c.code.includes("$ZodType"));
    expect(withZod.map((c) => c.name)).toEqual([]);
  });

  it("holds no part of the scoring contract's schema (the scoring barrel)", () => {
    // A message of scoring/schema.ts, which the barrel (scoring/index.ts) brings along.
    const withSchema = chunks.filter((c) => c.code.includes("must have at least one stage"));
    expect(withSchema.map((c) => c.name)).toEqual([]);
  });

  it("holds no text in both languages", () => {
    for (const key of SAMPLE) {
      const [id, en] = messages[key];
      const both = chunks.filter((c) => c.code.includes(id) && c.code.includes(en));
      expect(
        both.map((c) => c.name),
        key,
      ).toEqual([]);
    }
  });
});

describe("a language's texts for the browser", () => {
  it("hold that language only, every key, under a name that changes with them", () => {
    const id = JSON.parse(textsJson("id", undefined).json) as Record<string, string>;
    const en = JSON.parse(textsJson("en", undefined).json) as Record<string, string>;
    expect(Object.keys(id).sort()).toEqual(Object.keys(messages).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(messages).sort());
    for (const key of SAMPLE) {
      expect(id[key]).toBe(messages[key][0]);
      expect(en[key]).toBe(messages[key][1]);
      expect(JSON.stringify(id)).not.toContain(messages[key][1]);
    }
    const { hash } = textsJson("id", undefined);
    expect(textsJson("id", hash).current).toBe(true);
    expect(textsJson("id", "0".repeat(12)).current).toBe(false);
    expect(textsJson("en", undefined).hash).not.toBe(hash);
  });
});
