import {
	NodeOperationError,
	type INodeExecutionData,
	type INodeProperties,
	type IPollFunctions,
} from 'n8n-workflow';

import type { CaseAttachments } from '../../shared/files/caseAttachments';

/** Include Attachments and its size cap, for Case Closed and New Email on a Case. */
export function attachmentProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Include Attachments',
			name: 'includeAttachments',
			type: 'boolean',
			default: false,
			description: `Whether to add ${what} as files of the item (binary properties attachment_0, attachment_1, ...), with a list of them in "attachments". Each file costs one API call to download.`,
		},
		{
			displayName: 'Max Attachment Size per Case (MB)',
			name: 'maxAttachmentMb',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 2048, numberPrecision: 1 },
			default: 25,
			displayOptions: { show: { includeAttachments: [true] } },
			description:
				'The most megabytes of files one item carries. Files that do not fit are listed in "attachments" with included false and the reason, and "attachmentsLeftOut" says how much was left out.',
		},
	];
}

/** The cap in bytes, or undefined when Include Attachments is off; a wrong size stops with an error naming it. */
export function attachmentCapOf(ctx: IPollFunctions): number | undefined {
	if (ctx.getNodeParameter('includeAttachments', false) !== true) return undefined;
	const raw = ctx.getNodeParameter('maxAttachmentMb', 25);
	const mb = Number(raw);
	if (raw === '' || !Number.isFinite(mb) || mb < 0)
		throw new NodeOperationError(
			ctx.getNode(),
			`Max Attachment Size per Case (MB): "${String(raw)}" is not a number of megabytes`,
			{ description: 'Give a number of 0 or more, for example 25.' },
		);
	return Math.floor(mb * 1024 * 1024);
}

/** An item with its case's attachments: the files as binary data, the list and what was left out in the JSON. */
export function withAttachments(
	item: INodeExecutionData,
	files: CaseAttachments | undefined,
): INodeExecutionData {
	if (!files) return item;
	return {
		json: {
			...item.json,
			attachments: files.attachments,
			attachmentsLeftOut: files.attachmentsLeftOut,
		},
		...(Object.keys(files.binary).length > 0 ? { binary: files.binary } : {}),
	};
}
