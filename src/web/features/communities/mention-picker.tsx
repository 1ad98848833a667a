import { useMe } from "../../session.ts";
import { CheckboxGroup } from "../../ui/checkbox-group.tsx";

/** Whom a post mentions: the community's other members, each told about it. */
export function MentionPicker({
  members,
  name,
  hint,
  value,
  onChange,
}: {
  members: { userId: string; name: string }[] | undefined;
  name: string;
  hint: string;
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const me = useMe();
  const others = (members ?? []).filter((m) => m.userId !== me.user.id);
  if (others.length === 0) return null;
  return (
    <CheckboxGroup
      legend="Mention"
      name={name}
      hint={hint}
      options={others.map((m) => ({ value: m.userId, label: m.name }))}
      value={value}
      onChange={onChange}
    />
  );
}
