import { writeOperation } from '../common/genericOperations';

export const { description, execute } = writeOperation('case', 'create', 'Case');
