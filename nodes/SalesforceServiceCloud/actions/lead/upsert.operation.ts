import { writeOperation } from '../common/genericOperations';

export const { description, execute } = writeOperation('lead', 'upsert', 'Lead');
