import { z } from "zod";

// In the browser zod would probe `new Function` for its JIT: under the nonce CSP (no 'unsafe-eval')
// that probe is reported as a CSP violation. Every schema imports this file, so this runs first.
if (typeof window !== "undefined") z.config({ jitless: true });

/**
 * The text primitives every schema builds on (ASVS 1.2/2.2: input is validated before it reaches
 * PostgreSQL or a staff page). PostgreSQL refuses NUL in text (a 500 before this), and other
 * control characters have no business in a form field. Names also refuse bidirectional controls and
 * zero-width characters, which can make a name display as something else on a staff page
 * (display spoofing, Trojan Source). Half of a surrogate pair (half an emoji, as a JSON "\ud83d"
 * escape gives) is not text at all: PostgreSQL's json refuses it (a 500, or a lost audit entry) and a
 * text column silently keeps U+FFFD instead. Messages are catalog keys in the `validation` namespace.
 */

/** C0 and C1 control characters (NUL, ESC, DEL...), line breaks and tabs included. */
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/u;
/** The same, but free text may keep line breaks and tabs. */
export const CONTROL_CHARACTERS_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Bidirectional controls (LRM, RLM, ALM, embeddings, overrides, isolates) and zero-width characters. */
export const INVISIBLE_FORMATTING = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** A UTF-16 surrogate without its other half (in a `u` regex a lone surrogate is a code point of its own). */
export const LONE_SURROGATES = /\p{Surrogate}/u;

const without = (pattern: RegExp) => new RegExp(`^[^${pattern.source.slice(1, -1)}]*$`, "u");
const WELL_FORMED = /^\P{Surrogate}*$/u;

/** One line of text (names, codes, search terms, route parameters). */
export function zText() {
  return z.string().regex(without(CONTROL_CHARACTERS), "controlCharacters").regex(WELL_FORMED, "brokenCharacters");
}

/** Free text from a textarea: line breaks and tabs allowed, other control characters not. */
export function zMultilineText() {
  return z.string().regex(without(CONTROL_CHARACTERS_EXCEPT_LINE_BREAKS), "controlCharacters").regex(WELL_FORMED, "brokenCharacters");
}

/** A name shown to other people: one line, no invisible direction or zero-width characters. */
export function zName() {
  return zText().regex(without(INVISIBLE_FORMATTING), "invisibleCharacters");
}

/** For proxy.ts: a decoded URL part with control characters is refused before any route sees it. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/**
 * The wrappers' last net (defineAction, readJson, the API's parseInput) for a string from a request
 * that a schema let through: the message key of what is wrong with it, or null.
 */
export function badCharactersIn(value: string): "controlCharacters" | "brokenCharacters" | null {
  if (CONTROL_CHARACTERS_EXCEPT_LINE_BREAKS.test(value)) return "controlCharacters";
  if (LONE_SURROGATES.test(value)) return "brokenCharacters";
  return null;
}

/**
 * For the route wrappers: parts of a URL (route parameters, query keys and values) with a control
 * character or half a surrogate pair. proxy.ts refuses such URLs already; the wrappers check again
 * so a handler never hands one to PostgreSQL (NUL made it answer 500) should a request reach it
 * another way.
 */
export function urlPartsHaveBadCharacters(parts: readonly unknown[]): boolean {
  return parts.some((part) => typeof part === "string" && (hasControlCharacters(part) || LONE_SURROGATES.test(part)));
}
