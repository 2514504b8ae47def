import { BarChart3 } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function UsagePage(): React.JSX.Element {
  return (
    <>
      <PageHeader section="usage" />
      <EmptyState
        icon={BarChart3}
        title="No usage to show"
        points={['Charts per day, provider and model', 'A table you can sort and export', 'Budget status at a glance']}
      >
        Requests, tokens and cost per day, per provider and per model appear here once runs have been made, with an optional monthly budget.
      </EmptyState>
    </>
  );
}
