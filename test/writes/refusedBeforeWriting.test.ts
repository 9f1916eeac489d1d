import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { refusedBeforeWriting } from '../../nodes/shared/writes/refusedBeforeWriting';
import type { WriteFailure } from '../../nodes/shared/writes/types';

// The "Nothing was written" line names the item and the field first; the message after them is the
// check's own, which names the item too when it is shown alone (an error item).

const node = { name: 'Salesforce', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
const ctx = {
	continueOnFail: () => false,
	getNode: () => node as INode,
} as unknown as IExecuteFunctions;

const refused = (itemIndex: number, message: string): WriteFailure => ({
	itemIndex,
	success: false,
	errorCode: 'REQUIRED_FIELD_MISSING',
	message,
	fields: ['Company'],
});

describe('the error when an item is refused before writing', () => {
	it('names the item once', () => {
		expect(() =>
			refusedBeforeWriting(ctx, [
				refused(0, 'Company (Company) is required to create a Lead (item 0)'),
			]),
		).toThrow(
			/^Nothing was written: item 0, field Company: Company \(Company\) is required to create a Lead \[REQUIRED_FIELD_MISSING\]$/,
		);
	});

	it('names each other refused item once in the description', () => {
		try {
			refusedBeforeWriting(ctx, [
				refused(3, 'Lead (Lead) has no field "Compny" (item 3). Did you mean Company?'),
				refused(1, 'Company (Company) is required to create a Lead (item 1)'),
			]);
			throw new Error('not thrown');
		} catch (error) {
			const { message, description } = error as { message: string; description: string };
			expect(message).not.toMatch(/\(item \d+\)/);
			expect(description).toContain(
				'Also refused: item 3, field Company: Lead (Lead) has no field "Compny". Did you mean Company? [REQUIRED_FIELD_MISSING]',
			);
		}
	});
});
