import { Plus, Trash2 } from "lucide-react";
import type { HTMLAttributes, ReactNode } from "react";
import { Button } from "./button.tsx";

type RowListProps<Row extends { key: string }> = {
  rows: readonly Row[];
  /** What one row is called, for the remove buttons' names: "need" reads "Remove need 2". */
  noun: string;
  addLabel: string;
  /** Rows the list keeps: no remove buttons at this count. */
  min?: number;
  max: number;
  rowClassName: string;
  renderRow: (row: Row, index: number) => ReactNode;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Shown instead of the list when it has no rows. */
  empty?: ReactNode;
} & Pick<HTMLAttributes<HTMLOListElement>, "aria-labelledby" | "aria-describedby">;

/** A form's growing list of rows, each removable, with an add button that stops at the limit. */
export function RowList<Row extends { key: string }>({
  rows,
  noun,
  addLabel,
  min = 0,
  max,
  rowClassName,
  renderRow,
  onAdd,
  onRemove,
  empty,
  ...labelling
}: RowListProps<Row>) {
  return (
    <>
      {rows.length === 0 && empty !== undefined ? (
        empty
      ) : (
        <ol className="plan-rows" {...labelling}>
          {rows.map((row, index) => (
            <li key={row.key} className={`plan-row ${rowClassName}`}>
              {renderRow(row, index)}
              {rows.length > min ? (
                <Button
                  variant="ghost"
                  size="small"
                  className="plan-row-remove"
                  icon={<Trash2 size={16} aria-hidden="true" />}
                  onClick={() => onRemove(index)}
                >
                  Remove
                  <span className="visually-hidden">
                    {" "}
                    {noun} {index + 1}
                  </span>
                </Button>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <div>
        <Button
          variant="secondary"
          size="small"
          icon={<Plus size={16} aria-hidden="true" />}
          disabled={rows.length >= max}
          onClick={onAdd}
        >
          {addLabel}
        </Button>
      </div>
    </>
  );
}
