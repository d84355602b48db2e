/**
 * `Variables`: names bound before the run. `${GEN_STR:n}` draws n characters from [a-z0-9]
 * (fresh each run, so a handler cannot hard-code them); any other value is bound as
 * `str(value)`, as the official runner does.
 */
import type { Bindings } from "./matcher.js";
import { pyStr } from "./python.js";

const GEN_STR = /^\$\{GEN_STR:(\d+)\}$/;
const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

export function genStr(length: number, random: () => number = Math.random): string {
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return s;
}

export function bindVariables(variables: Record<string, unknown>, random?: () => number): Bindings {
  const bindings: Bindings = new Map();
  for (const [name, value] of Object.entries(variables)) {
    const gen = typeof value === "string" ? GEN_STR.exec(value) : null;
    bindings.set(name, gen ? genStr(Number(gen[1]), random) : pyStr(value));
  }
  return bindings;
}
