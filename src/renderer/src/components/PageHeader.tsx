import { SECTIONS, type SectionId } from '../sections';

export function PageHeader({ section, children }: { section: SectionId; children?: React.ReactNode }): React.JSX.Element {
  const { label, description } = SECTIONS.find((s) => s.id === section) ?? SECTIONS[0]!;
  return (
    <header className="page-header">
      <div>
        <h1 id="page-title">{label}</h1>
        <p className="page-description">{description}</p>
      </div>
      {children ? <div className="page-actions">{children}</div> : null}
    </header>
  );
}
