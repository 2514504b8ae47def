import type { z } from 'zod';
import { apiKeyOperations } from './apiKeys';
import { historyOperations } from './history';
import { promptOperations } from './prompts';
import { runOperations } from './runs';
import { promptsterOperations } from './promptster';
import { catalogOperations } from './catalog';
import { providerKeyOperations } from './providerKeys';
import { usageBreakdownOperations, usageOperations } from './usage';
import { exportOperations, importOperations } from './export';
import { scheduleOperations } from './schedules';
import { webhookOperations } from './webhooks';

import { settingsOperations } from './settings';
import { systemOperations } from './system';

export { defineOperation, type OperationDef, type HttpMethod } from './define';

/** Every operation of the product, by name. Adding one here gives it a route, an IPC handler and a client call. */
export const operations = {
  ...systemOperations,
  ...settingsOperations,
  ...apiKeyOperations,
  ...historyOperations,
  ...promptOperations,
  ...runOperations,
  ...promptsterOperations,
  ...catalogOperations,
  ...providerKeyOperations,
  ...usageOperations,
  ...usageBreakdownOperations,
  ...exportOperations,
  ...scheduleOperations,
  ...webhookOperations,
  ...importOperations,
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OperationInput<K extends OperationName> = z.input<Operations[K]['input']>;
export type OperationParsedInput<K extends OperationName> = z.output<Operations[K]['input']>;
export type OperationOutput<K extends OperationName> = z.output<Operations[K]['output']>;

export const operationNames = Object.keys(operations) as OperationName[];

export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
