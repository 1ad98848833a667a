import { type KeyboardEvent, useId, useMemo, useRef, useState } from "react";
import { describedBy, FieldShell } from "../../ui/field.tsx";

function allTimeZones(): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

const offsets = new Map<string, string>();

function offsetLabel(zone: string): string {
  const cached = offsets.get(zone);
  if (cached !== undefined) return cached;
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" })
      .formatToParts(new Date())
      .find((p) => p.type === "timeZoneName");
    offsets.set(zone, part?.value ?? "");
    return part?.value ?? "";
  } catch {
    return "";
  }
}

const maxShown = 80;

/**
 * A searchable list of IANA time zones (the ARIA combobox pattern). The text typed is the value,
 * so nothing typed is lost; the list helps pick a valid name and the form validates it.
 */
export function TimeZoneField({
  value,
  onValueChange,
  error,
  label = "Time zone",
}: {
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  label?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const hint = "Start typing a city or region, such as Berlin or New York.";
  const zones = useMemo(allTimeZones, []);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);

  const matches = useMemo(() => {
    const q = (query ?? "").trim().toLowerCase().replace(/\s+/g, "_");
    if (!q) return zones.slice(0, maxShown);
    return zones.filter((zone) => zone.toLowerCase().includes(q)).slice(0, maxShown);
  }, [query, zones]);

  function choose(zone: string) {
    onValueChange(zone);
    setQuery(null);
    setOpen(false);
  }

  function moveTo(index: number) {
    setActive(index);
    const option = listRef.current?.children[index] as HTMLElement | undefined;
    option?.scrollIntoView({ block: "nearest" });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(0);
      } else moveTo(Math.min(active + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (open) moveTo(Math.max(active - 1, 0));
    } else if (event.key === "Enter") {
      const zone = matches[active];
      if (open && zone) {
        event.preventDefault();
        choose(zone);
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    }
  }

  const activeZone = open ? matches[active] : undefined;

  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <div className="combobox">
        <input
          id={id}
          className="input"
          type="text"
          role="combobox"
          name="timeZone"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeZone ? `${id}-opt-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          value={value}
          onChange={(event) => {
            onValueChange(event.target.value);
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => {
            setQuery(null);
            setActive(Math.max(0, matches.indexOf(value)));
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <div
          id={listId}
          ref={listRef}
          role="listbox"
          aria-label="Suggestions"
          className="combobox-list"
          hidden={!open}
        >
          {open && matches.length === 0 ? (
            <div className="combobox-empty">No time zone matches “{query}”.</div>
          ) : null}
          {open
            ? matches.map((zone, index) => (
                // biome-ignore lint/a11y/useFocusableInteractive: options are reached through the input's aria-activedescendant
                <div
                  key={zone}
                  id={`${id}-opt-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="combobox-option"
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(zone);
                  }}
                  onMouseMove={() => setActive(index)}
                >
                  {zone.replace(/_/g, " ")} <span className="muted small">{offsetLabel(zone)}</span>
                </div>
              ))
            : null}
        </div>
      </div>
    </FieldShell>
  );
}
