import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { authenticationProperty, nodeCredentials } from '../shared/transport/credentialTypes';
import { RESOURCES } from './actions/resources';
import { router } from './actions/router';
import { getCaseConversationFields, getClosedCaseStatuses } from './methods/caseOptions';
import { getFields, getFilterFields, getObjects } from './methods/loadOptions';
import { getAutolaunchedFlows } from './methods/flowOptions';
import { getMappingColumns } from './methods/resourceMapping';

export class SalesforceServiceCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Salesforce Service Cloud',
		name: 'salesforceServiceCloud',
		icon: {
			light: 'file:../../icons/salesforce-service-cloud.svg',
			dark: 'file:../../icons/salesforce-service-cloud.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write Salesforce Service Cloud records in batches, with fields from your org',
		defaults: { name: 'Salesforce Service Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials,
		properties: [
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: RESOURCES.map((r) => r.option),
				default: 'record',
			},
			...RESOURCES.flatMap((r) => r.description),
		],
	};

	methods = {
		loadOptions: {
			getObjects,
			getFields,
			getFilterFields,
			getClosedCaseStatuses,
			getCaseConversationFields,
			getAutolaunchedFlows,
		},
		resourceMapping: { getMappingColumns },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
