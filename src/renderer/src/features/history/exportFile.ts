import { exportToCsv } from '../../../../shared/exportCsv';
import { client } from '../../client';
import type { HistoryFilters } from './store';

/**
 * Downloads what History shows (its filters applied; at most 10,000 results, newest first) as JSON
 * (the `/v1/export` document, which `POST /v1/import` restores) or CSV. Built in the window from the
 * export operation, so it works over IPC and HTTP alike.
 */
export async function downloadHistory(filters: HistoryFilters, format: 'json' | 'csv'): Promise<void> {
  const set = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
  const exported = await client.invoke('exportData', { include: 'runs', ...set });
  const body = format === 'json' ? JSON.stringify(exported, null, 2) : exportToCsv(exported);
  const blob = new Blob([body], { type: format === 'json' ? 'application/json' : 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `parallax-history-${exported.exported_at.slice(0, 10)}.${format}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
