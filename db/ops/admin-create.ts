// `npm run admin:create -- EMAIL [--name NAME] [--generate]`: the first administrator (award
// secretariat) of a real installation, or the role for one more person. Migrates first. A new
// account gets a password typed twice (hidden) at a terminal, Enter to generate one; with
// --generate or without a terminal one is generated and printed once. Only its scrypt hash is
// stored. An existing account gets the role and keeps its own password.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { createDb, DEFAULT_DATABASE_URL } from "../client";
import { migrateToLatest } from "../migrate";
import { hashPassword } from "../password";
import { grantAdministrator } from "../queries/administrators";
import { findUserByEmail } from "../queries/users";

const USAGE = "usage: npm run admin:create -- EMAIL [--name NAME] [--generate]";
/** Typed passwords of an administrator are at least this long. */
const MIN_LENGTH = 12;

function parseArgs(argv: string[]) {
  let email: string | undefined;
  let name: string | undefined;
  let generate = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--generate") generate = true;
    else if (arg === "--name") name = argv[++i];
    else if (arg.startsWith("--name=")) name = arg.slice("--name=".length);
    else if (arg === "--help" || arg === "-h") return null;
    else if (arg.startsWith("-") || email !== undefined) throw new Error(`unknown argument: ${arg}\n${USAGE}`);
    else email = arg;
  }
  if (email === undefined) return null;
  return { email, name, generate };
}

/** 144 random bits, 24 characters that survive copying (no padding, no +/). */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/** Reads a line from the terminal without echoing it. Ctrl-C or Ctrl-D cancels. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let input = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return (finish(), resolve(input));
        if (ch === "\u0003" || ch === "\u0004") return (finish(), reject(new Error("cancelled")));
        if (ch === "\u007f" || ch === "\b") input = input.slice(0, -1);
        else if (ch >= " ") input += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** The typed password (asked twice), or null when the user pressed Enter to have one generated. */
async function askPassword(): Promise<string | null> {
  for (;;) {
    const first = await askHidden(`Password (at least ${MIN_LENGTH} characters; Enter to generate one): `);
    if (first === "") return null;
    if (first.length < MIN_LENGTH) {
      console.log(`Too short: at least ${MIN_LENGTH} characters.`);
      continue;
    }
    if ((await askHidden("Password again: ")) === first) return first;
    console.log("The two passwords differ; try again.");
  }
}

function signInUrl(): string {
  const base = process.env.PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT ?? "3000"}`;
  return `${base.replace(/\/+$/, "")}/login`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  const email = z.email().safeParse(args.email.trim().toLowerCase());
  if (!email.success) {
    console.error(`Not a valid e-mail address: ${args.email}`);
    return 2;
  }
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const db = await createDb(url);
  try {
    await migrateToLatest(db);
    const existing = await findUserByEmail(db, email.data);
    // An existing account keeps its password: nothing to ask.
    let typed: string | null = null;
    if (!existing && !args.generate && process.stdin.isTTY) typed = await askPassword();
    const password = existing ? null : (typed ?? generatePassword());
    const result = await grantAdministrator(db, {
      email: email.data,
      newAccount:
        password === null
          ? undefined
          : { name: args.name?.trim() || "Administrator", passwordHash: await hashPassword(password) },
    });
    if (result.kind === "unknown")
      throw new Error(`The account ${email.data} disappeared meanwhile; run the command again.`);
    if (result.kind === "inactive") {
      console.error(`The account ${email.data} is deactivated; it cannot be made an administrator.`);
      return 1;
    }
    if (result.kind === "already") console.log(`${email.data} is already an administrator.`);
    else if (result.kind === "granted")
      console.log(`${email.data} is now an administrator; they sign in with their own password.`);
    else {
      console.log(`Administrator created: ${email.data}`);
      if (typed === null) console.log(`Password (shown only this once; only its hash is stored): ${password}`);
    }
    console.log(`Sign in at ${signInUrl()}`);
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
