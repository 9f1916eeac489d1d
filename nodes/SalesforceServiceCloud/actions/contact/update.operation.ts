import { writeOperation } from '../common/genericOperations';

export const { description, execute } = writeOperation('contact', 'update', 'Contact');
