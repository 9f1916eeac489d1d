import { writeOperation } from '../common/genericOperations';

export const { description, execute } = writeOperation('record', 'create', undefined);
