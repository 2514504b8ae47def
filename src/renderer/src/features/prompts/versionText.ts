import type { PromptContent } from '../../../../shared/operations/prompts';

/** A version as one readable text, so any two versions can be diffed line by line. */
export function versionText(content: PromptContent): string {
  const variables = Object.entries(content.variables).map(([name, value]) => `  ${name} = ${JSON.stringify(value)}`);
  const configurations = content.configurations.map(
    (c) =>
      `  ${c.provider}/${c.model}${c.temperature === undefined ? '' : `  temperature=${c.temperature}`}${c.max_tokens === undefined ? '' : `  max_tokens=${c.max_tokens}`}`,
  );
  return [
    '# Prompt',
    content.prompt,
    '',
    '# System',
    content.system ?? '(none)',
    '',
    '# Variables',
    ...(variables.length ? variables : ['  (none)']),
    '',
    '# Models',
    ...configurations,
    '',
  ].join('\n');
}
