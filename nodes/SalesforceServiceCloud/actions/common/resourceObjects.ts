/** The Salesforce object behind each resource; the Record resource works on the object the user picks. */
export const RESOURCE_OBJECTS: Readonly<Record<string, string>> = {
	case: 'Case',
	contact: 'Contact',
	emailMessage: 'EmailMessage',
	lead: 'Lead',
	task: 'Task',
};

/** The object a node's current parameters point at: the resource's own, or the chosen one for Record. */
export function objectForParameters(resource: string | undefined, objectName: string | undefined): string {
	return (resource && RESOURCE_OBJECTS[resource]) || objectName || '';
}
