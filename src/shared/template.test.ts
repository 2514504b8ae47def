import { describe, expect, it } from 'vitest';
import { missingVariables, renderTemplate, templateVariables } from './template';

describe('templates', () => {
  it('finds variables once each, in order, allowing spaces inside the braces', () => {
    expect(templateVariables('Hi {{name}}, {{ topic }} and {{name}} again; {{bad name}} {{}}')).toEqual(['name', 'topic']);
  });

  it('renders values, leaving unknown placeholders as written', () => {
    expect(renderTemplate('{{a}} + {{ b }} = {{c}}', { a: '1', b: '2' })).toBe('1 + 2 = {{c}}');
  });

  it('does not re-expand placeholders inside values', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'x' })).toBe('{{b}}');
  });

  it('lists the variables without a value across prompt and system prompt', () => {
    expect(missingVariables(['{{a}} {{b}}', 'system {{c}}'], { a: '', c: 'x' })).toEqual(['b']);
  });
});
