import { Check, Minus } from "lucide-react";
import type { CoverageGrid, CoverageSingle, CoveredBy } from "../../../shared/portfolio.ts";
import "./coverage-grid.css";

function CoverageMark({ covered, roles }: { covered: boolean; roles: CoveredBy[] }) {
  return covered ? (
    <span className="coverage-mark coverage-yes">
      <Check size={16} aria-hidden="true" />
      <span>
        <strong>Covered</strong>
        <span className="coverage-by">by {roles.map((role) => role.label).join("; ")}</span>
      </span>
    </span>
  ) : (
    <span className="coverage-mark coverage-no">
      <Minus size={16} aria-hidden="true" />
      <span>Not yet</span>
    </span>
  );
}

export function CoverageTable({ grid }: { grid: CoverageGrid }) {
  return (
    <div className="table-wrap coverage-wrap">
      <table className="table coverage-table">
        <caption className="coverage-caption">{grid.title}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{grid.title}</span>
            </th>
            {grid.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {grid.columns.map((column) => {
                const cell = grid.cells.find((c) => c.row === row.key && c.column === column.key);
                return (
                  <td key={column.key} data-covered={cell?.covered ? "yes" : "no"}>
                    <CoverageMark covered={Boolean(cell?.covered)} roles={cell?.roles ?? []} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CoverageSingles({
  singles,
  whose = "your",
}: {
  singles: CoverageSingle[];
  whose?: "your" | "their";
}) {
  return (
    <div className="table-wrap coverage-wrap">
      <table className="table coverage-table">
        <caption className="coverage-caption">People and name</caption>
        <thead>
          <tr>
            <th scope="col">Experience</th>
            <th scope="col">In {whose} portfolio</th>
          </tr>
        </thead>
        <tbody>
          {singles.map((single) => (
            <tr key={single.key}>
              <th scope="row">{single.label}</th>
              <td data-covered={single.covered ? "yes" : "no"}>
                <CoverageMark covered={single.covered} roles={single.roles} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
