import { describe, expect, it } from "vitest";
import { inertLinks } from "./inert-links.ts";

describe("member-written text in mail", () => {
  it("leaves nothing a mail program would make clickable, and keeps the words readable", () => {
    expect(inertLinks("Please log in at https://evil.example/login now")).toBe(
      "Please log in at https[://]evil[.]example/login now",
    );
    expect(inertLinks("see www.phish.example.com or mail me@evil.example")).toBe(
      "see www[.]phish[.]example[.]com or mail me@evil[.]example",
    );
    expect(inertLinks("I grew revenue 3.5x in 2.5 years, e.g. on v2.0.")).toBe(
      "I grew revenue 3.5x in 2.5 years, e.g. on v2.0.",
    );
  });
});
