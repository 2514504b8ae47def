import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { PROMPT_LANGUAGE, monaco, monacoTheme } from '../../monaco/setup';

interface PromptEditorProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun(): void;
  height: number;
  placeholder?: string;
}

/** A Monaco editor for prompt text: `{{variables}}` highlighted, wraps lines, no minimap. */
export function PromptEditor({ label, value, onChange, onRun, height, placeholder }: PromptEditorProps): React.JSX.Element {
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  });
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);

  useEffect(() => {
    const observer = new MutationObserver(() => monaco.editor.setTheme(monacoTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => runRef.current());
  };

  return (
    <div className="prompt-editor" style={{ height }} data-testid={`editor-${label.toLowerCase().replace(/\s+/g, '-')}`}>
      {!value && placeholder ? <div className="editor-placeholder">{placeholder}</div> : null}
      <Editor
        value={value}
        onChange={(next) => onChange(next ?? '')}
        language={PROMPT_LANGUAGE}
        theme={monacoTheme()}
        onMount={onMount}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          wordWrap: 'on',
          lineNumbers: 'off',
          glyphMargin: false,
          folding: false,
          lineDecorationsWidth: 8,
          scrollBeyondLastLine: false,
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          fontSize: 13.5,
          padding: { top: 10, bottom: 10 },
          tabFocusMode: true,
          automaticLayout: true,
        }}
      />
    </div>
  );
}
