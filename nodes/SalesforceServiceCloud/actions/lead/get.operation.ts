import { getOperation } from '../common/genericOperations';

export const { description, execute } = getOperation('lead', 'Lead');
