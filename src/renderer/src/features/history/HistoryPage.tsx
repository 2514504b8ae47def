import { History } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function HistoryPage(): React.JSX.Element {
  return (
    <>
      <PageHeader section="history" />
      <EmptyState
        icon={History}
        title="No runs yet"
        points={[
          'Full-text search over prompts and answers',
          'Filters by provider, model, source, status and date',
          'Re-run any comparison, export as JSON or CSV',
        ]}
      >
        Every run lands here as it finishes — from this window, the local API, schedules, MCP clients and ingested traces — and stays on
        this machine.
      </EmptyState>
    </>
  );
}
