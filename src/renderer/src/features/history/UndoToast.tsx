import { X } from 'lucide-react';
import { useHistory } from './store';

/** "Run deleted · Undo": shown for a few seconds after a delete in History. */
export function UndoToast(): React.JSX.Element | null {
  const undo = useHistory((s) => s.undo);
  const undoRemove = useHistory((s) => s.undoRemove);
  const dismiss = useHistory((s) => s.dismissUndo);
  if (!undo) return null;
  return (
    <div className="toast" role="status" aria-live="polite">
      <span>Run deleted{undo.label ? ` · ${undo.label}` : ''}</span>
      <button type="button" className="ghost-button inline" onClick={() => void undoRemove()}>
        Undo
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
