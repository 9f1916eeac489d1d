import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperation } from '../common/genericOperations';

export const description: INodeProperties[] = [];
export const operations: Record<string, ResourceOperation> = {};
