import { settingsPatchSchema, settingsSchema } from '../settings';
import { defineOperation } from './define';
import { z } from 'zod';

export const settingsOperations = {
  getSettings: defineOperation({
    summary: 'Read the settings.',
    tag: 'Settings',
    input: z.object({}).strict(),
    output: settingsSchema,
    http: { method: 'GET', path: '/v1/settings' },
  }),
  updateSettings: defineOperation({
    summary: 'Change some settings; the rest stay as they are.',
    tag: 'Settings',
    input: settingsPatchSchema,
    output: settingsSchema,
    http: { method: 'PATCH', path: '/v1/settings' },
  }),
};
