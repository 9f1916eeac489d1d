import type {
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';

/** One event the trigger starts a workflow from: its choice in the Event list, its parameters and its poll. */
export interface TriggerEvent {
	/** The Event option (value stored in the workflow). */
	option: INodePropertyOptions & { value: string };
	/** The event's own parameters, shown only while it is chosen. */
	properties: INodeProperties[];
	poll(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null>;
}

/** Shows `properties` only while the event `value` is chosen (keeping any other display conditions). */
export function forEvent(
	value: string | string[],
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((p) => ({
		...p,
		displayOptions: {
			...p.displayOptions,
			show: { ...p.displayOptions?.show, event: Array.isArray(value) ? value : [value] },
		},
	}));
}
