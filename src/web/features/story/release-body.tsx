import type { ComposedRelease } from "../../../shared/story.ts";

/** The one-page release itself, the same on the page, in print and (as Markdown) in the export. */
export function ReleaseBody({ release, author }: { release: ComposedRelease; author: string }) {
  return (
    <article className="press-release" aria-label="Press release">
      <h1>{release.headline || "My career, in one page"}</h1>
      {release.subhead ? <p className="release-subhead">{release.subhead}</p> : null}
      <p className="small muted">By {author}</p>
      {release.problem ? (
        <>
          <h2>The problem</h2>
          <p>{release.problem}</p>
        </>
      ) : null}
      {release.whatIDid ? (
        <>
          <h2>What I did</h2>
          <p>{release.whatIDid}</p>
        </>
      ) : null}
      {release.quote ? (
        <blockquote>
          <p>“{release.quote}”</p>
          {release.quoteBy ? <p className="small muted">— {release.quoteBy}</p> : null}
        </blockquote>
      ) : null}
      {release.whatsNext ? (
        <>
          <h2>What's next</h2>
          <p>{release.whatsNext}</p>
        </>
      ) : null}
    </article>
  );
}
