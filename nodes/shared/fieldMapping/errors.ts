/** Why a mapped value was refused. */
export type FieldMappingProblem =
	| 'unknownField'
	| 'notWritable'
	| 'requiredMissing'
	| 'invalidPicklistValue'
	| 'malformedId'
	| 'wrongType'
	| 'tooLong'
	| 'unknownRelationship';

/**
 * A mapped value Salesforce would refuse, found before the call. The action node turns it into its
 * own error for the item (`itemIndex`), keeping the item's input.
 */
export class FieldMappingError extends Error {
	constructor(
		message: string,
		readonly problem: FieldMappingProblem,
		/** The field as the user wrote it (`Email`, `Contact.Ext_Id__c`). */
		readonly fieldName: string,
		readonly itemIndex: number | undefined,
		/** The nearest valid names, for an unknown field, or the allowed values, for a picklist. */
		readonly suggestions: string[] = [],
	) {
		super(message);
		this.name = 'FieldMappingError';
	}
}
