/** An object name a user gave that is not one of the org's objects, in plain words. */
export class ObjectNameError extends Error {
	constructor(
		message: string,
		readonly objectName: string,
	) {
		super(message);
		this.name = 'ObjectNameError';
	}
}

/** Object API names: letters, digits and `_` (custom objects end in `__c`, namespaced ones start with `ns__`). */
const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** Whether the text can be an object's API name as it stands. */
export function isObjectName(name: string): boolean {
	return OBJECT_NAME.test(name);
}

/** The object name, trimmed, or an ObjectNameError when it cannot be an object's name (so `/` or `?` never reaches a URL). */
export function checkedObjectName(name: unknown): string {
	const text = typeof name === 'string' ? name.trim() : '';
	if (text === '')
		throw new ObjectNameError('No object is chosen: pick one from the list, such as Account', text);
	if (!OBJECT_NAME.test(text)) {
		throw new ObjectNameError(
			`"${text}" is not an object name: object names have letters, digits and _ only (such as Account or Invoice__c)`,
			text,
		);
	}
	return text;
}
