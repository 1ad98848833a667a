/**
 * Member-written text as it goes into an email to someone else, with nothing a mail program would
 * turn into a link: "://" becomes "[://]" and a dot between two parts of a name becomes "[.]"
 * ("evil.example" reads "evil[.]example"). The words stay readable; only Sidecar's own links are clickable.
 */
export function inertLinks(text: string): string {
  return text.replace(/:\/\//g, "[://]").replace(/([\p{L}\p{N}_-])\.(?=\p{L}[\p{L}\p{N}_-])/gu, "$1[.]");
}
