import Markdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * Member-written Markdown, rendered by a maintained renderer: raw HTML is never passed through (it
 * shows as text), and what Markdown itself produces is sanitized against GitHub's allow-list.
 */
export function PostBody({ text }: { text: string }) {
  return (
    <div className="post-body">
      <Markdown skipHtml rehypePlugins={[rehypeSanitize]}>
        {text}
      </Markdown>
    </div>
  );
}
