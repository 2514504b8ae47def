import { BarChart3, CalendarClock, Columns3, History, Library, Settings, type LucideIcon } from 'lucide-react';

export type SectionId = 'compare' | 'history' | 'prompts' | 'schedules' | 'usage' | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  icon: LucideIcon;
  /** One line under the page title. */
  description: string;
}

export const SECTIONS: readonly Section[] = [
  { id: 'compare', label: 'Compare', icon: Columns3, description: 'One prompt, many models, side by side.' },
  { id: 'history', label: 'History', icon: History, description: 'Every run, from every source, searchable.' },
  { id: 'prompts', label: 'Prompts', icon: Library, description: 'Saved prompts and their versions.' },
  { id: 'schedules', label: 'Schedules', icon: CalendarClock, description: 'Regression checks that run on their own.' },
  { id: 'usage', label: 'Usage', icon: BarChart3, description: 'Requests, tokens and cost over time.' },
  { id: 'settings', label: 'Settings', icon: Settings, description: 'Provider keys, local API and appearance.' },
];

export const isSectionId = (value: string): value is SectionId => SECTIONS.some((s) => s.id === value);
