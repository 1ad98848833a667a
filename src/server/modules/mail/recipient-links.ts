/** What the admin sees where a message held a link only its recipient may use. */
export const hiddenLinkText = "[a private link for the recipient only]";

// Sidecar's one-time links carry a long random token in their path or query (confirmation, password
// reset, giving, unsubscribe); ordinary links to a page carry none.
const url = /https?:\/\/[^\s"'<>()]+/gi;
const token = /[A-Za-z0-9_.~%-]{16,}/;

/**
 * A message's text with every link that carries a token replaced, so an instance administrator
 * reading the outbox can never confirm, reset, answer or unsubscribe on a member's behalf.
 */
export function hideRecipientLinks(text: string): string {
  return text.replace(url, (link) => {
    const { pathname, search } = safeUrl(link);
    const parts = [...pathname.split("/"), ...search.split(/[?&=]/)];
    return parts.some((part) => token.test(part)) ? hiddenLinkText : link;
  });
}

function safeUrl(link: string): { pathname: string; search: string } {
  try {
    const parsed = new URL(link);
    return { pathname: parsed.pathname, search: parsed.search };
  } catch {
    return { pathname: link, search: "" };
  }
}
