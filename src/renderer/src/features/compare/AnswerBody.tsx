import { AlertTriangle, RotateCcw } from 'lucide-react';
import { memo, useDeferredValue, useMemo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import type { ResultError } from '../../../../shared/runs';
import { markdownBlocks } from './markdownBlocks';

/** Links in answers never navigate the app: they open outside it (the system browser in the desktop shell). */
const components: Components = {
  a: ({ href, children }) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

/** A short title for each kind of failure; the provider's own message follows it. */
const ERROR_TITLES: Record<string, string> = {
  authentication: 'Key rejected',
  rate_limit: 'Rate limited',
  invalid_model: 'Unknown model',
  invalid_request: 'Request refused',
  timeout: 'Timed out',
  overloaded: 'Provider overloaded',
  unavailable: 'Provider unavailable',
  network: 'Network error',
};

/** One chunk of an answer; chunks are separate components so a long answer renders in several short tasks. */
const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }): React.JSX.Element {
  return <Markdown components={components}>{text}</Markdown>;
});

function MarkdownAnswer({ text }: { text: string }): React.JSX.Element {
  const blocks = useMemo(() => markdownBlocks(text), [text]);
  return (
    <div className="markdown">
      {blocks.map((block, i) => (
        <MarkdownBlock key={i} text={block} />
      ))}
    </div>
  );
}

interface AnswerBodyProps {
  text: string;
  error: ResultError | null;
  raw: boolean;
  /** While text streams in it is shown as plain text: re-parsing Markdown on every delta of ten columns would block the page. */
  streaming?: boolean;
  onRetry?: () => void;
}

/**
 * An answer as text: Markdown rendered safely (react-markdown never renders raw HTML), or raw; and
 * the provider's own error message when that column failed, with whatever text had arrived.
 */
export function AnswerBody({ text, error, raw, streaming = false, onRetry }: AnswerBodyProps): React.JSX.Element {
  // When ten long answers settle together, their Markdown renders at low priority so React can yield
  // between columns instead of blocking the page in one long task.
  const plain = useDeferredValue(streaming, true);
  return (
    <>
      {error && error.type !== 'cancelled' ? (
        <div className="error-card" role="alert">
          <AlertTriangle size={16} aria-hidden="true" />
          <div>
            <strong>
              {ERROR_TITLES[error.type] ?? error.type.replace(/_/g, ' ')}
              {error.status ? ` (${error.status})` : ''}
            </strong>
            <p>{error.message}</p>
          </div>
          {onRetry ? (
            <button type="button" className="ghost-button retry" onClick={onRetry}>
              <RotateCcw size={14} aria-hidden="true" /> Retry
            </button>
          ) : null}
        </div>
      ) : null}
      {text ? (
        plain ? (
          <div className="streaming-text">{text}</div>
        ) : raw ? (
          <pre className="raw-text">{text}</pre>
        ) : (
          <MarkdownAnswer text={text} />
        )
      ) : null}
    </>
  );
}
