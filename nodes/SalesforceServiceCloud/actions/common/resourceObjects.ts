/** The Salesforce object behind each resource; the Record resource works on the object the user picks. */
export const RESOURCE_OBJECTS = {
	account: 'Account',
	case: 'Case',
	chatTranscript: 'LiveChatTranscript',
	contact: 'Contact',
	emailMessage: 'EmailMessage',
	lead: 'Lead',
	messagingSession: 'MessagingSession',
	opportunity: 'Opportunity',
	task: 'Task',
} as const satisfies Readonly<Record<string, string>>;

/**
 * A locator parameter's text: the value of `{ __rl: true, mode, value }`, or a plain string as saved
 * workflows (made before the parameter was a locator) and expressions hold it.
 */
export function locatorText(value: unknown): string {
	const inner =
		typeof value === 'object' && value !== null && 'value' in value
			? (value as { value: unknown }).value
			: value;
	return typeof inner === 'string' ? inner : '';
}

/** The object a node's current parameters point at: the resource's own, or the chosen one for Record (a locator or a plain name). */
export function objectForParameters(resource: string | undefined, chosen: unknown): string {
	const objectName = locatorText(chosen).trim();
	const fixed =
		resource !== undefined && Object.hasOwn(RESOURCE_OBJECTS, resource)
			? RESOURCE_OBJECTS[resource as keyof typeof RESOURCE_OBJECTS]
			: undefined;
	return fixed || objectName || '';
}
