/**
 * Monaco from the bundled `monaco-editor` package (never a CDN: the app works offline and the CSP
 * allows only 'self'), with its worker built by Vite and a small `prompt` language that highlights
 * `{{variables}}`.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export const PROMPT_LANGUAGE = 'parallax-prompt';

monaco.languages.register({ id: PROMPT_LANGUAGE });
monaco.languages.setMonarchTokensProvider(PROMPT_LANGUAGE, {
  tokenizer: {
    root: [
      [/\{\{\s*[A-Za-z_][A-Za-z0-9_.-]*\s*\}\}/, 'variable'],
      [/[^{]+/, ''],
      [/\{/, ''],
    ],
  },
});

monaco.editor.defineTheme('parallax-light', {
  base: 'vs',
  inherit: true,
  rules: [{ token: 'variable', foreground: '5a4ae8', fontStyle: 'bold' }],
  colors: { 'editor.background': '#ffffff' },
});
monaco.editor.defineTheme('parallax-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'variable', foreground: 'b3a9ff', fontStyle: 'bold' }],
  colors: { 'editor.background': '#181b21' },
});

loader.config({ monaco });

export const monacoTheme = (): string => (document.documentElement.dataset.theme === 'dark' ? 'parallax-dark' : 'parallax-light');

export { monaco };
