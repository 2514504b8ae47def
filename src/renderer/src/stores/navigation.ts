import { create } from 'zustand';
import { isSectionId, type SectionId } from '../sections';

const fromHash = (): SectionId => {
  const id = window.location.hash.replace(/^#\/?/, '');
  return isSectionId(id) ? id : 'compare';
};

interface NavigationState {
  section: SectionId;
  go(section: SectionId): void;
}

/** The current section, mirrored in the URL hash so reloads and the back button keep the place. */
export const useNavigation = create<NavigationState>((set) => ({
  section: fromHash(),
  go(section) {
    if (window.location.hash !== `#/${section}`) window.location.hash = `/${section}`;
    set({ section });
  },
}));

window.addEventListener('hashchange', () => useNavigation.setState({ section: fromHash() }));
