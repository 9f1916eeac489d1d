// Flows of the sandbox org: FlowDefinitionView (built from a describe recorded in a real org,
// schema/recorded/sfexpcloud__describe-flowdefinitionview-partial.json) and a few demo flows that
// `POST /actions/custom/flow/{apiName}` runs. The demo flows and what the endpoint answers for a
// failing interview are HAND-WRITTEN from the Actions Developer Guide ("Flow Actions", "Invoking
// Actions"): a JSON array with one `{actionName, errors, isSuccess, outputValues}` per input, in input
// order, `outputValues` holding the flow's output variables and `Flow__InterviewStatus`.

import { recordedFields, type Recorded } from './recorded-fields';
import type { ObjectSpec } from './schema';
import type { Row, Store } from './store';

import flowDefinitionViewDescribe from '../schema/recorded/sfexpcloud__describe-flowdefinitionview-partial.json';

export function flowDefinitionViewObject(): ObjectSpec {
	return {
		name: 'FlowDefinitionView',
		label: 'Flow Definition',
		labelPlural: 'Flow Definitions',
		keyPrefix: '300',
		createable: false,
		updateable: false,
		deletable: false,
		fields: recordedFields(flowDefinitionViewDescribe as Recorded, {
			Label: { nameField: true },
		}).map((f) => ({ ...f, createable: false, updateable: false })),
	};
}

/** What an interview of a flow does with its input variables: its output variables, or a fault. */
export type FlowRun = (inputs: Record<string, unknown>, store: Store, userId: string) => Row;

export interface SandboxFlow {
	apiName: string;
	label: string;
	description: string;
	/** FlowDefinitionView.ProcessType: AutoLaunchedFlow, Flow (a screen flow), ... */
	processType: string;
	/** FlowDefinitionView.TriggerType: null for a flow started on demand, RecordAfterSave for a record-triggered one. */
	triggerType: string | null;
	active: boolean;
	/** The input variables the flow takes (others are refused). */
	inputs: string[];
	run: FlowRun;
}

/** A fault in a flow interview (a Decision's fault path, a failed element): the input's error. */
export class FlowFault extends Error {}

/** The demo org's flows. */
export function demoFlows(): SandboxFlow[] {
	return [
		{
			apiName: 'Order_Discount',
			label: 'Order Discount',
			description: 'Works out the discount of an order from its amount and the customer tier.',
			processType: 'AutoLaunchedFlow',
			triggerType: null,
			active: true,
			inputs: ['amount', 'tier'],
			run: (inputs) => {
				const amount = Number(inputs.amount);
				if (!Number.isFinite(amount) || amount < 0)
					throw new FlowFault(
						`An unhandled fault has occurred in this flow: the amount must be a number of at least 0, not ${JSON.stringify(inputs.amount ?? null)}`,
					);
				const rate = inputs.tier === 'Gold' ? 0.1 : amount >= 1000 ? 0.05 : 0;
				return { discount: Math.round(amount * rate * 100) / 100, rate };
			},
		},
		{
			apiName: 'Case_Follow_Up_Task',
			label: 'Case Follow-Up Task',
			description: 'Creates a follow-up task on a case and returns its Id.',
			processType: 'AutoLaunchedFlow',
			triggerType: null,
			active: true,
			inputs: ['caseId', 'subject'],
			run: (inputs, store, userId) => {
				const caseId = typeof inputs.caseId === 'string' ? inputs.caseId : '';
				if (!store.get(caseId, 'Case'))
					throw new FlowFault(
						`An unhandled fault has occurred in this flow: no case with Id ${JSON.stringify(caseId)}`,
					);
				const taskId = store.insert(
					'Task',
					{
						Subject: typeof inputs.subject === 'string' ? inputs.subject : 'Follow up',
						WhatId: store.get(caseId, 'Case')?.Id,
						Status: 'Not Started',
						Priority: 'Normal',
					},
					{ userId },
				);
				return { taskId };
			},
		},
		{
			apiName: 'Old_Case_Routing',
			label: 'Old Case Routing',
			description: 'Deactivated.',
			processType: 'AutoLaunchedFlow',
			triggerType: null,
			active: false,
			inputs: [],
			run: () => ({}),
		},
		{
			apiName: 'Case_Intake_Screen',
			label: 'Case Intake (screen flow)',
			description: 'A screen flow for agents.',
			processType: 'Flow',
			triggerType: null,
			active: true,
			inputs: [],
			run: () => ({}),
		},
		{
			apiName: 'Case_After_Save',
			label: 'Case After Save',
			description: 'Runs when a case is saved.',
			processType: 'AutoLaunchedFlow',
			triggerType: 'RecordAfterSave',
			active: true,
			inputs: [],
			run: () => ({}),
		},
	];
}

/** The FlowDefinitionView row of a flow. */
export function flowDefinitionRow(flow: SandboxFlow): Row {
	return {
		ApiName: flow.apiName,
		DurableId: flow.apiName,
		Label: flow.label,
		Description: flow.description,
		ProcessType: flow.processType,
		TriggerType: flow.triggerType,
		IsActive: flow.active,
		IsTemplate: false,
		IsOverridable: false,
		IsOutOfDate: false,
		IsSwingFlow: false,
		HasAsyncAfterCommitPath: false,
		ManageableState: 'unmanaged',
		Builder: 'Flow Builder',
		VersionNumber: 1,
		ApiVersion: 62,
	};
}
