import { getOperation } from '../common/genericOperations';

export const { description, execute } = getOperation('contact', 'Contact');
