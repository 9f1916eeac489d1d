import { getManyOperation } from '../common/genericOperations';

export const { description, execute } = getManyOperation('lead', 'Lead');
