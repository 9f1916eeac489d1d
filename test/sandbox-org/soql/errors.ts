import { SalesforceError } from '../http/errors';
import type { SourceMap } from './source';

// Query errors as Salesforce words them. Errors about a place in the query echo the query's
// line with a caret under the place, then `ERROR at Row:R:Column:C`, then the message.

const WSDL = 'Please reference your WSDL or the describe call for the appropriate names.';

/** A 400 error; with a source and an offset, in Salesforce's echo form. */
export function queryError(
	errorCode: string,
	message: string,
	source?: SourceMap,
	offset?: number,
): SalesforceError {
	if (!source || offset === undefined) return new SalesforceError(400, errorCode, message);
	const { row, column } = source.position(offset);
	const { line, caret } = source.echo(offset);
	return new SalesforceError(
		400,
		errorCode,
		`\n${line}\n${' '.repeat(caret)}^\nERROR at Row:${row}:Column:${column}\n${message}`,
	);
}

export function malformed(message: string, source?: SourceMap, offset?: number): SalesforceError {
	return queryError('MALFORMED_QUERY', message, source, offset);
}

export function noSuchColumn(
	column: string,
	entity: string,
	source: SourceMap,
	offset?: number,
): SalesforceError {
	return queryError(
		'INVALID_FIELD',
		`No such column '${column}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. ${WSDL}`,
		source,
		offset,
	);
}

export function unknownRelationship(
	relationship: string,
	source: SourceMap,
	offset?: number,
): SalesforceError {
	return queryError(
		'INVALID_FIELD',
		`Didn't understand relationship '${relationship}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${WSDL}`,
		source,
		offset,
	);
}

export function unsupportedType(
	objectName: string,
	source: SourceMap,
	offset?: number,
): SalesforceError {
	return queryError(
		'INVALID_TYPE',
		`sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. ${WSDL}`,
		source,
		offset,
	);
}

export function unknownChildRelationship(
	relationship: string,
	source: SourceMap,
	offset?: number,
): SalesforceError {
	return queryError(
		'INVALID_TYPE',
		`Didn't understand relationship '${relationship}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. ${WSDL}`,
		source,
		offset,
	);
}

/** A query feature the sandbox does not implement: a 400 that says so, never a silent wrong answer. */
export function notInSandbox(
	feature: string,
	source?: SourceMap,
	offset?: number,
): SalesforceError {
	return malformed(`${feature} is not supported by the sandbox org`, source, offset);
}

export const invalidLocator = (): SalesforceError =>
	new SalesforceError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
