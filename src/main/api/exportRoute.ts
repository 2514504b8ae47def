import type { RequestHandler } from 'express';
import type { Core } from '../core';
import { exportToCsv } from '../../shared/exportCsv';
import { toCallContext } from './context';

/** `GET /v1/export?format=csv`: the same export as JSON, sent as a CSV attachment (JSON falls through). */
export function csvExport(core: Core): RequestHandler {
  return async (req, res, next) => {
    if (req.query.format !== 'csv') return next();
    const exported = await core.invoke('exportData', req.query, toCallContext(req, res));
    const day = exported.exported_at.slice(0, 10);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="parallax-export-${day}.csv"`);
    res.send(exportToCsv(exported));
  };
}
