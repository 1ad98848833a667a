import { lanes } from "../../../shared/lane-words.ts";
import { type StoryEntry, storyFieldLabels, storyFields } from "../../../shared/story.ts";
import "./story.css";

export function StoryEntryView({
  entry,
}: {
  entry: Pick<StoryEntry, (typeof storyFields)[number] | "skills">;
}) {
  return (
    <dl className="story-entry-fields">
      {storyFields
        .filter((field) => entry[field].trim() !== "")
        .map((field) => (
          <div key={field}>
            <dt>{storyFieldLabels[field]}</dt>
            <dd>{entry[field]}</dd>
          </div>
        ))}
      {entry.skills.length ? (
        <div>
          <dt>Skills built</dt>
          <dd>{entry.skills.map((lane) => lanes[lane].label).join(", ")}</dd>
        </div>
      ) : null}
    </dl>
  );
}
