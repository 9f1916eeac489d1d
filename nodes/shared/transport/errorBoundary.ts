import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { FieldMappingError } from '../fieldMapping/errors';
import { ConditionError } from '../soql/conditions';
import { FieldNameError } from '../soql/fieldNames';
import {
	ApiLimitError,
	SalesforceApiError,
	SalesforceCredentialError,
	SalesforceNetworkError,
	toNodeApiError,
	UnknownObjectError,
} from './salesforceErrors';

/**
 * An item our own checks refused before anything was sent (a mapped value the object cannot take, a
 * malformed Id, an owner email no user has). It keeps the code Salesforce would have answered, so a
 * workflow branches on one code whoever caught the problem, but it is reported as ours.
 */
export class InputRefusal extends Error {
	constructor(
		message: string,
		readonly errorCode: string,
		readonly fields: string[],
	) {
		super(message);
	}
}

/**
 * The one place an error becomes what n8n shows (action node, trigger and load-options):
 * - our own checks of the user's input (field names, conditions, mapped values, Ids, an object the
 *   org does not have, any NodeOperationError) become a NodeOperationError in plain words;
 * - Salesforce's answers become a NodeApiError with its errorCode, message, fields and our advice;
 * - network and credential failures keep their plain-words messages (NodeApiError, see toNodeApiError).
 * An error of neither kind (a fault in this package) is a NodeOperationError with its own message,
 * never dressed up as Salesforce's.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeOperationError | NodeApiError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		if (itemIndex !== undefined && error.context.itemIndex === undefined)
			error.context.itemIndex = itemIndex;
		return error;
	}
	if (error instanceof FieldMappingError) {
		const description =
			error.suggestions.length > 0 ? `Did you mean: ${error.suggestions.join(', ')}?` : undefined;
		return ownCheck(node, error.message, error.itemIndex ?? itemIndex, description);
	}
	if (error instanceof FieldNameError || error instanceof ConditionError)
		return ownCheck(node, error.message, itemIndex);
	if (error instanceof InputRefusal) {
		const e = ownCheck(node, error.message, itemIndex, 'This item was not sent to Salesforce.');
		e.context.errorCode = error.errorCode;
		e.context.fields = error.fields;
		return e;
	}
	if (error instanceof UnknownObjectError) {
		return ownCheck(
			node,
			error.message,
			itemIndex,
			`Check the object name (Salesforce's API name, such as Account or Invoice__c: custom objects end in __c), and that the credential's user may see it. Salesforce said: ${error.salesforceMessage}`,
		);
	}
	if (
		error instanceof SalesforceApiError ||
		error instanceof ApiLimitError ||
		error instanceof SalesforceNetworkError ||
		error instanceof SalesforceCredentialError ||
		hasErrorCode(error)
	) {
		return toNodeApiError(node, error, itemIndex);
	}
	return ownCheck(node, error instanceof Error ? error.message : String(error), itemIndex);
}

function ownCheck(
	node: INode,
	message: string,
	itemIndex: number | undefined,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(node, message, {
		...(itemIndex !== undefined ? { itemIndex } : {}),
		...(description ? { description } : {}),
	});
}

/** An error shaped like Salesforce's (`errorCode`), such as a failed row handed on by a helper. */
function hasErrorCode(error: unknown): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		typeof (error as { errorCode?: unknown }).errorCode === 'string'
	);
}
