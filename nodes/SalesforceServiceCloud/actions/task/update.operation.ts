import { writeOperation } from '../common/genericOperations';

export const { description, execute } = writeOperation('task', 'update', 'Task');
