import { VisuallyHidden } from '@mantine/core';

interface Props {
  /** What the table holds (the chart's title). */
  caption: string;
  /** Column headings; the first names the row labels. */
  columns: readonly string[];
  /** One row per category: its label, then one formatted cell per further column. */
  rows: readonly (readonly [string, ...string[]])[];
}

/**
 * The numbers behind a chart as a table only screen readers see: the chart is an image to them,
 * this is what they read instead.
 */
export function ChartDataTable({ caption, columns, rows }: Props) {
  return (
    <VisuallyHidden>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, ...cells], index) => (
            <tr key={`${label}-${index}`}>
              <th scope="row">{label}</th>
              {cells.map((cell, cellIndex) => (
                <td key={cellIndex}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}
