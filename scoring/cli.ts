// npm run -s score -- FILE   (FILE "-" or absent: standard input; -s keeps npm's banner off stdout)
// Prints the result JSON and exits 0; a contract violation, invalid JSON or an unreadable file:
// exit 2, nothing on standard output, one line per problem on standard error.
import { readFileSync } from "node:fs";
import { parseScoringInput, score } from "./index";

function fail(lines: string[]): void {
  process.stderr.write(lines.map((l) => l.replace(/\r?\n/g, " ")).join("\n") + "\n");
  process.exitCode = 2;
}

function main(argv: string[]): void {
  const file = argv[0] ?? "-";
  let text: string;
  try {
    text = readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    const reason = e instanceof Error && "code" in e ? String((e as NodeJS.ErrnoException).code) : "unreadable";
    fail([`cannot read ${file === "-" ? "standard input" : file}: ${reason}`]);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail([`(root): invalid JSON: ${e instanceof Error ? e.message : String(e)}`]);
    return;
  }
  const parsed = parseScoringInput(json);
  if (!parsed.ok) {
    fail(parsed.problems.map((p) => `${p.path}: ${p.message}`));
    return;
  }
  const out = JSON.stringify(score(parsed.input), null, 2) + "\n";
  process.stdout.write(out);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
