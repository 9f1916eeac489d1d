import { getManyOperation } from '../common/genericOperations';

export const { description, execute } = getManyOperation('task', 'Task');
