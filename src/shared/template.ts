/** `{{name}}` placeholders: detection for the editor, rendering for runs. Pure and browser-safe. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

/** Variable names in order of first appearance. */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return [...names];
}

export function missingVariables(templates: readonly string[], values: Readonly<Record<string, string>>): string[] {
  return [...new Set(templates.flatMap(templateVariables))].filter((name) => values[name] === undefined);
}

/** Replaces every placeholder; callers check `missingVariables` first. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
