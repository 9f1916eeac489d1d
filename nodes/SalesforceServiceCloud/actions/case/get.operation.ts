import { getOperation } from '../common/genericOperations';

export const { description, execute } = getOperation('case', 'Case');
