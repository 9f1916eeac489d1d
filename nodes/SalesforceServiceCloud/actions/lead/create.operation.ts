import { writeOperation } from '../common/genericOperations';

export const { description, execute } = writeOperation('lead', 'create', 'Lead');
