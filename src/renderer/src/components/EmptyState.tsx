import type { LucideIcon } from 'lucide-react';

export interface EmptyStateProps {
  icon: LucideIcon;
  title: string;
  children: React.ReactNode;
  /** What the user will be able to do here, as short bullet points. */
  points?: readonly string[];
}

export function EmptyState({ icon: Icon, title, children, points }: EmptyStateProps): React.JSX.Element {
  return (
    <section className="empty-state" aria-label={title}>
      <div className="empty-icon" aria-hidden="true">
        <Icon size={28} />
      </div>
      <h2>{title}</h2>
      <p>{children}</p>
      {points && points.length > 0 ? (
        <ul className="empty-points">
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
