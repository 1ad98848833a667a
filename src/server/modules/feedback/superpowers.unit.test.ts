import { describe, expect, it } from "vitest";
import { soundsLikeShadow } from "../../../shared/superpowers.ts";

describe("matching a comment to a superpower's shadow", () => {
  it.each([
    ["storyteller", "The story is great but the details often slip."],
    ["storyteller", "Loose ends everywhere after launch."],
    ["storyteller", "I'd like more follow-through on small fixes."],
    ["high_standards", "Everything waits for your review; you are the bottleneck."],
    ["high_standards", "Please delegate more of the launch checklist."],
    ["great_listener", "You can be INDECISIVE when the room disagrees."],
    ["customer_champion", "Too many one-offs on the roadmap."],
  ] as const)("flags %s: %s", (key, text) => {
    expect(soundsLikeShadow(key, text)).toBe(true);
  });

  it.each([
    ["storyteller", "Great attention to detail in every spec."],
    ["storyteller", "Your specs are more detailed than anyone's."],
    ["storyteller", "You never miss details."],
    ["high_standards", "You don't micromanage, and the team loves it."],
    ["executor", "The brushed-up strategy deck was clear."],
    ["political_navigator", "I trust your judgement completely."],
  ] as const)("leaves praise and unrelated words alone for %s: %s", (key, text) => {
    expect(soundsLikeShadow(key, text)).toBe(false);
  });
});
