import { Library } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function PromptsPage(): React.JSX.Element {
  return (
    <>
      <PageHeader section="prompts" />
      <EmptyState
        icon={Library}
        title="No saved prompts"
        points={[
          'Templates with variables and default values',
          'Version history with side-by-side diffs',
          'Run from the library, trend of cost and latency',
        ]}
      >
        Save a prompt from Compare to keep it here. Every edit of its text or models becomes a new version you can diff and restore.
      </EmptyState>
    </>
  );
}
