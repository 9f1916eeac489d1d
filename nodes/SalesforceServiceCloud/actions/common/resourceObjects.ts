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

/** The object a node's current parameters point at: the resource's own, or the chosen one for Record. */
export function objectForParameters(
	resource: string | undefined,
	objectName: string | undefined,
): string {
	const fixed =
		resource !== undefined && Object.hasOwn(RESOURCE_OBJECTS, resource)
			? RESOURCE_OBJECTS[resource as keyof typeof RESOURCE_OBJECTS]
			: undefined;
	return fixed || objectName || '';
}
