import { VersionedNodeType, type INodeTypeBaseDescription } from 'n8n-workflow';

import { SalesforceServiceCloudTriggerV1 } from './v1/SalesforceServiceCloudTriggerV1.node';

/**
 * The trigger, by version: n8n runs each saved workflow with the version it was saved with, so a
 * later change of parameters goes into a new version and leaves saved workflows as they were.
 */
export class SalesforceServiceCloudTrigger extends VersionedNodeType {
	constructor() {
		const icon: INodeTypeBaseDescription['icon'] = {
			light: 'file:../../icons/salesforce-service-cloud.svg',
			dark: 'file:../../icons/salesforce-service-cloud.dark.svg',
		};
		const v1 = new SalesforceServiceCloudTriggerV1({ icon });
		const { displayName, name, group, description } = v1.description;
		super({ 1: v1 }, { displayName, name, icon, group, description, defaultVersion: 1 });
	}
}
