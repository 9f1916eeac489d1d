import { writeOperation } from '../common/genericOperations';

export const { description, execute } = writeOperation('record', 'update', undefined);
