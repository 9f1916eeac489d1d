import { deleteOperation } from '../common/genericOperations';

export const { description, execute } = deleteOperation('record', undefined);
