/** The CSV form of an export (`GET /v1/export?format=csv`, and History's download): pure, shared by server and window. */
/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
const csvField = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV section per kind: a `# kind` line, a header row, the rows, a blank line. */
export function exportToCsv(exported: { data: Record<string, Record<string, unknown>[]> }): string {
  return Object.entries(exported.data)
    .map(([kind, rows]) => {
      const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
      const lines = [
        `# ${kind}`,
        columns.map(csvField).join(','),
        ...rows.map((row) => columns.map((column) => csvField(row[column])).join(',')),
      ];
      return `${lines.join('\r\n')}\r\n`;
    })
    .join('\r\n');
}
