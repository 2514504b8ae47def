import { Columns3 } from 'lucide-react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

export function ComparePage(): React.JSX.Element {
  return (
    <>
      <PageHeader section="compare" />
      <EmptyState
        icon={Columns3}
        title="Nothing compared yet"
        points={[
          'Prompt and system prompt with {{variables}}',
          'Columns per model with their own temperature and max tokens',
          'Fastest and cheapest badges, diffs between answers, ratings',
        ]}
      >
        Write a prompt, pick two to ten models and watch their answers stream in side by side, with time to first token, speed, tokens and
        cost for each.
      </EmptyState>
    </>
  );
}
