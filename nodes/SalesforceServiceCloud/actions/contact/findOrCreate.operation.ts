import { findOrCreateOperation } from '../common/findOrCreate';

export const { description, execute } = findOrCreateOperation('contact', 'Contact');
