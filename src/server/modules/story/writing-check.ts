import nlp from "compromise";
import type { WritingFlag, WritingFlagKind } from "../../../shared/story.ts";

// The writing check is advice, never a block. compromise parses each sentence: it finds the verbs,
// their subjects and whether a verb is passive, so "we" and passive voice are read from the grammar,
// not guessed from words. Vague claims are a short list of filler phrases plus "improved it" without
// a number, also read through compromise's value tags.

const firstPersonPlural = /^(we|we're|we've|we'd|we'll)$/i;
const collectiveSubject = /^(our|the) (team|squad|group|org|organisation|organization|department)$/i;

const fillers = [
  "helped with",
  "helped to",
  "assisted with",
  "assisted in",
  "worked on",
  "involved in",
  "was involved",
  "responsible for",
  "participated in",
  "contributed to",
  "various",
  "a number of",
  "several things",
  "lots of",
  "a lot of",
  "things like",
  "and so on",
  "etc",
  "stuff",
  "synergies",
  "best practices",
  "moved the needle",
  "added value",
  "drove value",
];

const vagueGains =
  /\b(improved|increased|boosted|enhanced|optimi[sz]ed|grew|reduced|decreased|cut|lowered|raised|accelerated|streamlined|better|faster|significantly|greatly|dramatically|substantially)\b/i;

type Verb = {
  subject: string;
  passive: boolean;
  auxiliary: string;
  infinitive: string;
  verbText: string;
};

function verbsOf(sentence: string): Verb[] {
  const doc = nlp(sentence);
  const verbs = doc.verbs();
  const details = verbs.json() as {
    text: string;
    verb?: { auxiliary?: string; infinitive?: string; grammar?: { passive?: boolean } };
  }[];
  // Each verb's subject, in the same order as the verbs themselves.
  const subjects: string[] = [];
  verbs.forEach((one) => {
    subjects.push((one as unknown as typeof verbs).subjects().text());
  });
  return details.map((detail, index) => ({
    subject: String(subjects[index] ?? "")
      .replace(/[,.;:!?]+$/, "")
      .trim(),
    passive: detail.verb?.grammar?.passive === true,
    auxiliary: detail.verb?.auxiliary ?? "",
    infinitive: detail.verb?.infinitive ?? "",
    verbText: detail.text,
  }));
}

/** Splits text into sentences the way compromise reads them, keeping their wording. */
export function sentencesOf(text: string): string[] {
  return (nlp(text).sentences().out("array") as string[]).map((s) => s.trim()).filter((s) => s.length > 0);
}

// "The team" is a "we" only as the acting subject of the sentence's main clause: "I led the team
// that shipped it" and "the team was restructured" credit nobody else.
function isWeSubject(subject: string, verb: Verb, sentence: string): boolean {
  const words = subject.toLowerCase().split(/\s+/);
  if (firstPersonPlural.test(words[0] ?? "")) return true;
  return collectiveSubject.test(subject) && !verb.passive && sentence.trimStart().startsWith(subject);
}

// Participles that describe a state of mind or a position rather than something done to the
// subject ("I was excited", "I was involved"): compromise reads them as passive verbs.
const statives = new Set([
  "excited",
  "involved",
  "interested",
  "pleased",
  "thrilled",
  "worried",
  "surprised",
  "tired",
  "bored",
  "concerned",
  "committed",
  "determined",
  "qualified",
  "based",
  "located",
  "delighted",
  "disappointed",
  "frustrated",
  "convinced",
]);

function isPassive(verb: Verb, sentence: string): boolean {
  if (!verb.passive) return false;
  const participle =
    verb.verbText
      .toLowerCase()
      .split(/\s+/)
      .at(-1)
      ?.replace(/[^a-z]/g, "") ?? "";
  if (!statives.has(participle)) return true;
  const after = sentence.slice(sentence.indexOf(verb.verbText) + verb.verbText.length);
  return /^\s+by\b/i.test(after);
}

function hasNumber(sentence: string): boolean {
  if (/\d/.test(sentence)) return true;
  if (/\b(half|halved|double|doubled|triple|tripled|twice|thrice|tenfold)\b/i.test(sentence)) return true;
  return nlp(sentence).match("#Value").found;
}

function pastTense(infinitive: string): string {
  const past = nlp(infinitive).verbs().toPastTense().text();
  return past || infinitive;
}

const lowerFirst = (text: string) =>
  /^[A-Z][a-z]/.test(text) && !/^I\b/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

function swapOurForMy(text: string): string {
  return text
    .replace(/\bour\b/g, "my")
    .replace(/\bOur\b/g, "My")
    .replace(/\bours\b/g, "mine");
}

/** "We shipped the flow." → "I shipped the flow." Only where the subject opens the sentence. */
function rewriteWe(sentence: string, subject: string): string | null {
  const match = sentence.match(/^(\s*)(we're|we've|we'd|we'll|we|our team|the team)\b/i);
  if (!match || !subject) return null;
  const rest = sentence.slice(match[0].length);
  const opener = match[2]?.toLowerCase() ?? "we";
  const replacement =
    opener === "we're"
      ? "I'm"
      : opener === "we've"
        ? "I've"
        : opener === "we'd"
          ? "I'd"
          : opener === "we'll"
            ? "I'll"
            : "I";
  let body = rest;
  if (opener === "the team" || opener === "our team") {
    body = body.replace(
      /^\s+(has|is|was)\b/i,
      (_m, aux: string) =>
        ` ${{ has: "have", is: "am", was: "was" }[aux.toLowerCase() as "has" | "is" | "was"]}`,
    );
  } else {
    body = body.replace(/^\s+(are|were)\b/i, (_m, aux: string) =>
      aux.toLowerCase() === "are" ? " am" : " was",
    );
  }
  return `${replacement}${swapOurForMy(body)}`;
}

/** "The feature was launched in March." → "I launched the feature in March." (no agent named). */
function rewritePassive(sentence: string, verb: Verb): string | null {
  if (!verb.subject || /^(i|me)$/i.test(verb.subject)) return null;
  if (/\bby\s+(?!me\b)/i.test(sentence.slice(sentence.indexOf(verb.verbText) + verb.verbText.length))) {
    return null;
  }
  const start = sentence.indexOf(verb.subject);
  const verbAt = sentence.indexOf(verb.verbText, start + verb.subject.length);
  if (start !== 0 || verbAt < 0 || !verb.infinitive) return null;
  const rest = sentence.slice(verbAt + verb.verbText.length).replace(/\s+by me\b/i, "");
  const object = swapOurForMy(lowerFirst(verb.subject));
  return `I ${pastTense(verb.infinitive)} ${object}${rest}`.replace(/\s+([.,;!?])/g, "$1");
}

function fillerIn(sentence: string): string | undefined {
  const lower = sentence.toLowerCase();
  return fillers.find((phrase) => new RegExp(`\\b${phrase.replace(/ /g, "\\s+")}\\b`).test(lower));
}

/** The flags for one sentence, each with its reason and, where one can be made, a rewrite around "I". */
export function checkSentence(sentence: string): WritingFlag[] {
  const flags: WritingFlag[] = [];
  const verbs = verbsOf(sentence);
  const weVerb = verbs.find((verb) => isWeSubject(verb.subject, verb, sentence));
  if (weVerb) {
    flags.push({
      kind: "we",
      sentence,
      why: `"${weVerb.subject}" did it here: say what you did yourself, so the reader can see your part.`,
      suggestion: rewriteWe(sentence, weVerb.subject),
    });
  }
  const passive = verbs.find((verb) => isPassive(verb, sentence));
  if (passive) {
    flags.push({
      kind: "passive",
      sentence,
      why: `"${passive.verbText}" hides who acted. If it was you, say "I".`,
      suggestion: rewritePassive(sentence, passive),
    });
  }
  const filler = fillerIn(sentence);
  if (filler) {
    flags.push({
      kind: "vague",
      sentence,
      why: `"${filler}" says little: name what you did and what changed because of it.`,
      suggestion: null,
    });
  } else if (vagueGains.test(sentence) && !hasNumber(sentence)) {
    const word = sentence.match(vagueGains)?.[0] ?? "improved";
    flags.push({
      kind: "vague",
      sentence,
      why: `"${word}" with no number: by how much, from what to what, and over what time?`,
      suggestion: null,
    });
  }
  return flags;
}

export function checkText(text: string): WritingFlag[] {
  return sentencesOf(text).flatMap(checkSentence);
}

export const flagKinds: WritingFlagKind[] = ["we", "passive", "vague"];
