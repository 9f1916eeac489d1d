import { writeOperation } from '../common/genericOperations';

export const { description, execute } = writeOperation('contact', 'create', 'Contact');
