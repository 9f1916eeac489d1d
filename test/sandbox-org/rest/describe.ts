import type { SObjectType } from '../core/schema';
import type { SandboxOrg } from '../org';

/** `/services/data/vNN.0/sobjects/T/...` URLs of an object, in the order Salesforce lists them. */
function objectUrls(type: SObjectType, version: string): Record<string, string> {
	const base = `/services/data/v${version}/sobjects/${type.name}`;
	return {
		compactLayouts: `${base}/describe/compactLayouts`,
		rowTemplate: `${base}/{ID}`,
		describe: `${base}/describe`,
		quickActions: `${base}/quickActions`,
		layouts: `${base}/describe/layouts`,
		sobject: base,
	};
}

/** An object as the global describe and the basic information resource list it. */
export function objectSummary(type: SObjectType, version: string): Record<string, unknown> {
	const p = type.properties;
	return {
		activateable: p.activateable,
		associateEntityType: null,
		associateParentEntity: null,
		createable: p.createable,
		custom: p.custom,
		customSetting: p.customSetting,
		deepCloneable: false,
		deletable: p.deletable,
		deprecatedAndHidden: p.deprecatedAndHidden,
		feedEnabled: p.feedEnabled,
		hasSubtypes: false,
		isInterface: false,
		isSubtype: false,
		keyPrefix: p.keyPrefix,
		label: p.label,
		labelPlural: p.labelPlural,
		layoutable: p.layoutable,
		mergeable: p.mergeable,
		mruEnabled: p.mruEnabled,
		name: p.name,
		queryable: p.queryable,
		replicateable: p.replicateable,
		retrieveable: p.retrieveable,
		searchable: p.searchable,
		triggerable: p.triggerable,
		undeletable: p.undeletable,
		updateable: p.updateable,
		urls: objectUrls(type, version),
	};
}

/** `GET /sobjects`: every object of the org. */
export function globalDescribe(org: SandboxOrg, version: string): Record<string, unknown> {
	const sobjects = org.schema
		.all()
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((t) => objectSummary(t, version));
	return { encoding: 'UTF-8', maxBatchSize: 200, sobjects };
}

/** `GET /sobjects/T/describe`: the object's properties, fields, child relationships and record types (keys in Salesforce's order). */
export function fullDescribe(
	org: SandboxOrg,
	type: SObjectType,
	version: string,
	baseUrl: string,
): Record<string, unknown> {
	const summary = objectSummary(type, version);
	const base = `/services/data/v${version}/sobjects/${type.name}`;
	const described: Record<string, unknown> = {
		...summary,
		actionOverrides: [],
		childRelationships: org.schema.childRelationships(type.name),
		compactLayoutable: type.properties.layoutable,
		defaultImplementation: null,
		extendedBy: null,
		extendsInterfaces: null,
		fields: type.fields,
		implementedBy: null,
		implementsInterfaces: null,
		listviewable: null,
		lookupLayoutable: null,
		namedLayoutInfos: [],
		networkScopeFieldName: null,
		recordTypeInfos: type.recordTypes.map((rt) => ({
			...rt,
			urls: { layout: `${base}/describe/layouts/${rt.recordTypeId}` },
		})),
		searchLayoutable: type.properties.searchable,
		sobjectDescribeOption: 'FULL',
		supportedScopes: supportedScopes(type),
		urls: {
			compactLayouts: `${base}/describe/compactLayouts`,
			rowTemplate: `${base}/{ID}`,
			uiDetailTemplate: `${baseUrl}/{ID}`,
			uiEditTemplate: `${baseUrl}/{ID}/e`,
			describe: `${base}/describe`,
			uiNewRecord: `${baseUrl}/${type.keyPrefix}/e`,
			quickActions: `${base}/quickActions`,
			layouts: `${base}/describe/layouts`,
			sobject: base,
		},
	};
	return Object.fromEntries(
		Object.keys(described)
			.sort()
			.map((k) => [k, described[k]]),
	);
}

/** List-view scopes: every object has "everything"; owned objects also "mine" (and queue-owned ones "queue_owned"). */
function supportedScopes(type: SObjectType): Array<{ label: string; name: string }> {
	const plural = type.properties.labelPlural;
	const owner = type.field('OwnerId');
	const scopes = [{ label: `All ${plural.toLowerCase()}`, name: 'everything' }];
	if (!owner) return scopes;
	scopes.push({ label: `My ${plural.toLowerCase()}`, name: 'mine' });
	if (owner.referenceTo.includes('Group'))
		scopes.push({ label: `Queue owned ${plural.toLowerCase()}`, name: 'queue_owned' });
	scopes.push({ label: `My team's ${plural.toLowerCase()}`, name: 'team' });
	return scopes;
}
