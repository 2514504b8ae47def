import type { UsageFigures } from '../../../../shared/operations/usage';
import { costText } from './costText';

type Row = UsageFigures & { key: string; label: React.ReactNode };

/** Requests, tokens and cost per provider or per model for the chosen period. */
export function BreakdownTable({ title, column, rows, testId }: { title: string; column: string; rows: readonly Row[]; testId: string }): React.JSX.Element {
  return (
    <section className="panel usage-table" aria-label={title}>
      <h2>{title}</h2>
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col" className="num">
              Requests
            </th>
            <th scope="col" className="num">
              Tokens in
            </th>
            <th scope="col" className="num">
              Tokens out
            </th>
            <th scope="col" className="num">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.label}</td>
              <td className="num">{row.requests.toLocaleString()}</td>
              <td className="num">{row.input_tokens.toLocaleString()}</td>
              <td className="num">{row.output_tokens.toLocaleString()}</td>
              <td className="num">{costText(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
