import { create } from 'zustand';
import { client } from '../client';
import { hasSession } from '../client/http';

type SessionStatus = 'checking' | 'signed-out' | 'ready';

interface SessionState {
  status: SessionStatus;
  check(): Promise<void>;
  signedIn(): void;
}

/** Inside Electron the IPC bridge needs no login; in a browser the session cookie decides. */
export const useSession = create<SessionState>((set) => ({
  status: client.transport === 'ipc' ? 'ready' : 'checking',
  async check() {
    if (client.transport === 'ipc') return set({ status: 'ready' });
    set({ status: (await hasSession().catch(() => false)) ? 'ready' : 'signed-out' });
  },
  signedIn: () => set({ status: 'ready' }),
}));
