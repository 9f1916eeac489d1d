import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeBaseDescription,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { authenticationProperty, nodeCredentials } from '../../shared/transport/credentialTypes';
import { RESOURCES } from '../actions/resources';
import { router } from '../actions/router';
import { getCaseConversationFields, getClosedCaseStatuses } from '../methods/caseOptions';
import { getAutolaunchedFlows } from '../methods/flowOptions';
import { searchCases, searchObjects, searchRecords } from '../methods/listSearch';
import { getFields, getFilterFields } from '../methods/loadOptions';
import { getMappingColumns } from '../methods/resourceMapping';

/**
 * Version 1 of the action node. Saved workflows keep the version they were made with: a change
 * that would read a saved workflow's parameters differently goes into a new version.
 */
export class SalesforceServiceCloudV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Salesforce Service Cloud',
		name: 'salesforceServiceCloud',
		icon: {
			light: 'file:../../../icons/salesforce-service-cloud.svg',
			dark: 'file:../../../icons/salesforce-service-cloud.dark.svg',
		},
		group: ['transform'],
		description:
			'Read and write Salesforce Service Cloud records in batches, with fields from your org',
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
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

	/**
	 * n8n resolves every version's icon relative to the registered entry file (its DirectoryLoader's
	 * fixIconPaths), so the entry file's icon replaces the one above, which is written relative to this file.
	 */
	constructor(entry: Pick<INodeTypeBaseDescription, 'icon'>) {
		this.description = { ...this.description, icon: entry.icon };
	}

	methods = {
		loadOptions: {
			getFields,
			getFilterFields,
			getClosedCaseStatuses,
			getCaseConversationFields,
			getAutolaunchedFlows,
		},
		listSearch: { searchCases, searchRecords, searchObjects },
		resourceMapping: { getMappingColumns },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
