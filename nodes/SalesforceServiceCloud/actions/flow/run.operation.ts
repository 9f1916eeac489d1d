import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SalesforceConnection } from '../../../shared/transport/connection';
import { toNodeError } from '../../../shared/transport/errorBoundary';
import { runFlowAction } from '../../../shared/transport/salesforceApi';
import { flowDefinitions, flowNameProblem, notRunnableReason } from './flowDefinitions';

const show = { show: { resource: ['flow'], operation: ['run'] } };

/** Inputs sent in one call. The Actions guide names no limit; 200 is what one Salesforce transaction handles in bulk elsewhere (triggers, Collections). */
export const INPUTS_PER_CALL = 200;

export const description: INodeProperties[] = [
	{
		displayName: 'Flow Name or ID',
		name: 'flowApiName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAutolaunchedFlows' },
		required: true,
		default: '',
		description:
			'The autolaunched flow to run (its API name, such as Order_Discount). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show,
	},
	{
		displayName: 'Input Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Input Variable',
		default: {},
		description:
			"The flow's input variables (available for input) and their values; names as in the flow, such as amount",
		displayOptions: show,
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'amount',
						description: 'The API name of the input variable',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'The value; an expression can give a number, true/false, a list or a record',
					},
				],
			},
		],
	},
];

interface Planned {
	itemIndex: number;
	flow: string;
	inputs: IDataObject;
}

interface Refused {
	itemIndex: number;
	parameter: string;
	message: string;
	errorCode: string;
}

/** The item's flow name and input variables, or why they cannot be sent. */
function planOf(ctx: IExecuteFunctions, itemIndex: number): Planned | Refused {
	const flow = String(ctx.getNodeParameter('flowApiName', itemIndex, '') ?? '').trim();
	const problem = flowNameProblem(flow);
	if (problem)
		return {
			itemIndex,
			parameter: 'Flow Name or ID',
			message: `Flow "${flow}" ${problem}`,
			errorCode: 'INVALID_FLOW_NAME',
		};
	const given = ctx.getNodeParameter('variables.variable', itemIndex, []) as Array<{
		name?: unknown;
		value?: unknown;
	}>;
	const inputs: IDataObject = {};
	for (const [n, variable] of given.entries()) {
		const name = String(variable.name ?? '').trim();
		const refuse = (message: string): Refused => ({
			itemIndex,
			parameter: 'Input Variables',
			message: `Variable ${n + 1}: ${message}`,
			errorCode: 'INVALID_API_INPUT',
		});
		if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name))
			return refuse(
				`"${name}" is not a variable name (letters, digits and underscores, starting with a letter)`,
			);
		if (Object.hasOwn(inputs, name)) return refuse(`"${name}" is given twice`);
		inputs[name] = variable.value as IDataObject[string];
	}
	return { itemIndex, flow, inputs };
}

/** Stops the node, or answers the item as an error item, keeping its input. */
function errorItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	error: string,
	errorCode: string | null,
): INodeExecutionData {
	return {
		json: { error, errorCode, input: ctx.getInputData()[itemIndex]?.json ?? {} },
		pairedItem: { item: itemIndex },
	};
}

/**
 * Runs each item's autolaunched flow with the item's input variables, and returns its output
 * variables. The flows are looked up first (one query): a name the org does not have, a screen
 * flow or a record-triggered flow stops the node before any flow runs, naming the item. The items
 * of one flow run in calls of 200 inputs (one API call each); each item gets its own interview's
 * outputs or error. Flows are not run again by a retry of the node: what ran, ran.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const planned: Planned[] = [];
	const refused: Refused[] = [];
	items.forEach((_, itemIndex) => {
		const plan = planOf(this, itemIndex);
		if ('flow' in plan) planned.push(plan);
		else refused.push(plan);
	});
	const definitions = await flowDefinitions(
		sf,
		planned.map((p) => p.flow),
	);
	const runnable: Planned[] = [];
	for (const plan of planned) {
		const definition = definitions.get(plan.flow.toLowerCase());
		const reason = notRunnableReason(plan.flow, definition);
		if (reason || !definition)
			refused.push({
				itemIndex: plan.itemIndex,
				parameter: 'Flow Name or ID',
				message: reason ?? `Flow "${plan.flow}" cannot run`,
				errorCode: 'INVALID_FLOW',
			});
		else runnable.push({ ...plan, flow: definition.ApiName });
	}
	const out = new Map<number, INodeExecutionData>();
	if (refused.length > 0) {
		const first = [...refused].sort((a, b) => a.itemIndex - b.itemIndex)[0];
		if (!this.continueOnFail())
			throw new NodeOperationError(
				this.getNode(),
				`Nothing was run: item ${first.itemIndex}, ${first.parameter}: ${first.message}`,
				{
					itemIndex: first.itemIndex,
					description:
						'Every item is checked before any flow runs. Choose the flow from the list (autolaunched flows that run on request), and give each input variable once, by its API name.',
				},
			);
		for (const r of refused)
			out.set(
				r.itemIndex,
				errorItem(this, r.itemIndex, `${r.parameter}: ${r.message}`, r.errorCode),
			);
	}

	const byFlow = new Map<string, Planned[]>();
	for (const plan of runnable) byFlow.set(plan.flow, [...(byFlow.get(plan.flow) ?? []), plan]);
	const failed: Array<{ itemIndex: number; message: string; errorCode: string }> = [];
	for (const [flow, plans] of byFlow) {
		for (let i = 0; i < plans.length; i += INPUTS_PER_CALL) {
			const chunk = plans.slice(i, i + INPUTS_PER_CALL);
			let results: Awaited<ReturnType<typeof runFlowAction>>;
			try {
				results = await runFlowAction(
					sf,
					flow,
					chunk.map((p) => p.inputs),
				);
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, chunk[0].itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				for (const p of chunk)
					out.set(
						p.itemIndex,
						errorItem(
							this,
							p.itemIndex,
							nodeError.message,
							(nodeError.context.errorCode as string | undefined) ?? null,
						),
					);
				continue;
			}
			chunk.forEach((plan, n) => {
				const result = results[n];
				if (result?.isSuccess) {
					const {
						Flow__InterviewStatus: status,
						Flow__InterviewGuid: guid,
						...outputs
					} = result.outputValues ?? {};
					out.set(plan.itemIndex, {
						json: {
							flowApiName: flow,
							interviewStatus: status ?? null,
							...(guid === undefined ? {} : { interviewGuid: guid }),
							outputs,
						},
						pairedItem: { item: plan.itemIndex },
					});
					return;
				}
				const first = result?.errors?.[0];
				const message = `Flow "${flow}" failed: ${first?.message ?? 'Salesforce gave no answer for this item'}`;
				const errorCode = first?.statusCode ?? 'UNKNOWN_ERROR';
				failed.push({ itemIndex: plan.itemIndex, message, errorCode });
				out.set(plan.itemIndex, errorItem(this, plan.itemIndex, message, errorCode));
			});
		}
	}
	if (failed.length > 0 && !this.continueOnFail()) {
		const first = [...failed].sort((a, b) => a.itemIndex - b.itemIndex)[0];
		const ran = [...out.keys()].filter((i) => !failed.some((f) => f.itemIndex === i)).length;
		const error = new NodeOperationError(
			this.getNode(),
			`The flow ran for ${ran} of ${items.length} items; item ${first.itemIndex} failed: ${first.message}`,
			{
				itemIndex: first.itemIndex,
				description: `Salesforce's code: ${first.errorCode}. ${failed.length === 1 ? 'No other item failed' : `${failed.length} items failed`}; the others ran and are not undone. Turn on "Continue On Fail" (Settings) to get each item's outputs or error.`,
			},
		);
		error.context.errorCode = first.errorCode;
		throw error;
	}
	return [...out.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}
