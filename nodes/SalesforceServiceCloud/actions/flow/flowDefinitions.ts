import { buildQuery } from '../../../shared/soql/buildQuery';
import { soqlString } from '../../../shared/soql/literals';
import { queryAll } from '../../../shared/soql/queryPages';
import type { ApiClient } from '../../../shared/transport/salesforceApi';

/** A flow as FlowDefinitionView lists it. */
export interface FlowDefinition {
	ApiName: string;
	Label: string | null;
	Description: string | null;
	ProcessType: string | null;
	TriggerType: string | null;
	IsActive: boolean;
}

const FIELDS = ['ApiName', 'Label', 'Description', 'ProcessType', 'TriggerType', 'IsActive'];

/** A flow's API name: letters, digits and underscores, starting with a letter (`ns__Name` for a packaged one). */
export function flowNameProblem(name: string): string | undefined {
	if (name === '') return 'is empty';
	if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
		return 'is not a flow API name (letters, digits and underscores, starting with a letter, such as Order_Discount)';
	return undefined;
}

/** Whether Salesforce can run the flow on request: autolaunched, and not started by a record save, a schedule or an event. */
export function isOnDemand(flow: FlowDefinition): boolean {
	return (
		flow.ProcessType === 'AutoLaunchedFlow' &&
		(flow.TriggerType === null || flow.TriggerType === 'None')
	);
}

/** Why a flow cannot run from n8n, in plain words, or undefined when it can. */
export function notRunnableReason(
	name: string,
	flow: FlowDefinition | undefined,
): string | undefined {
	if (!flow) return `The org has no flow with the API name "${name}"`;
	if (flow.ProcessType !== 'AutoLaunchedFlow')
		return `Flow "${name}" is a ${flow.ProcessType === 'Flow' ? 'screen flow' : `${flow.ProcessType ?? 'flow'} process`}: only autolaunched flows can run from n8n`;
	if (!isOnDemand(flow))
		return `Flow "${name}" starts by itself (${flow.TriggerType}): only autolaunched flows without a trigger can run from n8n`;
	return undefined;
}

/** The FlowDefinitionView rows of the given flow names (checked names only), in one query, by lower-case API name. */
export async function flowDefinitions(
	sf: ApiClient,
	names: string[],
): Promise<Map<string, FlowDefinition>> {
	const out = new Map<string, FlowDefinition>();
	if (names.length === 0) return out;
	const soql = buildQuery({
		fields: FIELDS,
		from: 'FlowDefinitionView',
		where: [`ApiName IN (${[...new Set(names)].map(soqlString).join(', ')})`],
	});
	for (const flow of await queryAll<FlowDefinition>(sf, soql))
		out.set(flow.ApiName.toLowerCase(), flow);
	return out;
}

/** The org's active autolaunched flows that run on request, by label. */
export async function onDemandFlows(sf: ApiClient): Promise<FlowDefinition[]> {
	const soql = buildQuery({
		fields: FIELDS,
		from: 'FlowDefinitionView',
		where: ["ProcessType = 'AutoLaunchedFlow'", 'IsActive = true'],
		orderBy: ['Label'],
	});
	return (await queryAll<FlowDefinition>(sf, soql)).filter(isOnDemand);
}
