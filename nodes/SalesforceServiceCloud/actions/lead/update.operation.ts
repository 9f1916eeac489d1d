import { writeOperation } from '../common/genericOperations';

export const { description, execute } = writeOperation('lead', 'update', 'Lead');
