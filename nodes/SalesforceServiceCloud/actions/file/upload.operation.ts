import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { versionsById } from '../../../shared/files/contentFiles';
import { fileSizeProblem, planUpload, type PlannedFile } from '../../../shared/files/uploadPlan';
import type { SalesforceConnection } from '../../../shared/transport/connection';
import {
	collectionsCreateBody,
	createWithBlob,
	sendCollectionsCreate,
	type CreateAnswer,
} from '../../../shared/transport/salesforceApi';
import {
	notSent,
	openWriteLedger,
	refusedBeforeWriting,
	wholeRequestOutcome,
	writeResultsToItems,
	type WriteFailure,
	type WriteResult,
} from '../../../shared/writes';
import { idParameterOf, recordIdProblem } from '../common/recordParameters';
import { binaryPropertyProperty, fileDisplayOptions } from './fileParameters';

export const description: INodeProperties[] = [
	binaryPropertyProperty(['upload'], true),
	{
		displayName: 'Link to Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		placeholder: '500Sb00000XyZ12AAB',
		description:
			"The record to attach the file to (FirstPublishLocationId), such as a case or a contact. Empty: the file stays in the credential user's own files.",
		displayOptions: fileDisplayOptions(['upload']),
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: "The file's title in Salesforce; when empty, the file name without its extension",
		displayOptions: fileDisplayOptions(['upload']),
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: "The file's description in Salesforce",
		displayOptions: fileDisplayOptions(['upload']),
	},
];

/** A file checked and planned, with where its bytes are. */
interface InputFile extends PlannedFile {
	property: string;
	fileName: string;
	mimeType: string;
	binary: IBinaryData;
}

/**
 * Uploads each item's file as a new file (ContentVersion, which makes the ContentDocument) linked to
 * a record. Every item is checked before the first upload. Files that fit a JSON body go base64 in
 * sObject Collections creates (up to 200 files and 52,428,800 bytes a call); a larger file goes
 * alone as multipart (up to 2 GB). One query per 200 files then reads their file Ids.
 */
export async function execute(
	this: IExecuteFunctions,
	sf: SalesforceConnection,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const refused: WriteFailure[] = [];
	const files: InputFile[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const checked = await checkItem(this, itemIndex);
		if ('refused' in checked) refused.push(checked.refused);
		else files.push(checked);
	}
	refusedBeforeWriting(this, refused);

	const results: WriteResult[] = [...refused];
	// With Retry On Fail, a file an earlier try of this execution uploaded (or may have) is not sent again.
	const ledger = openWriteLedger(this)?.scope({
		operation: 'create',
		objectName: 'ContentVersion',
	});
	const toSend = files.filter((f) => {
		const earlier = ledger?.earlier(f);
		if (earlier) results.push(earlier);
		return !earlier;
	});
	const plan = planUpload(toSend);
	let stop: unknown;
	const send = async (group: InputFile[], call: () => Promise<CreateAnswer[]>) => {
		if (stop !== undefined) {
			results.push(...group.map((f) => notSent(f, stop)));
			return;
		}
		let rows: WriteResult[];
		try {
			const answers = await call();
			rows = group.map((f, i) => resultOf(f.itemIndex, answers[i]));
		} catch (error) {
			const outcome = wholeRequestOutcome(error, group);
			rows = outcome.rows;
			if (outcome.stop !== undefined) stop = outcome.stop;
		}
		ledger?.note(group, rows);
		results.push(...rows);
	};
	for (const batch of plan.batches as InputFile[][]) {
		await send(batch, async () => {
			const records: IDataObject[] = [];
			for (const f of batch)
				records.push({
					attributes: { type: 'ContentVersion' },
					...f.fields,
					VersionData: await base64Of(this, f),
				});
			return sendCollectionsCreate(sf, collectionsCreateBody(records));
		});
	}
	for (const f of plan.multipart as InputFile[]) {
		await send([f], async () => [
			await createWithBlob(sf, 'ContentVersion', f.fields, {
				field: 'VersionData',
				fileName: f.fileName,
				mimeType: f.mimeType,
				size: f.size,
				writeInto: (body, offset) => writeFileInto(this, f, body, offset),
			}),
		]);
	}

	const written = results.filter((r) => r.success).map((r) => r.id);
	const versions = written.length > 0 ? await versionsById(sf, written) : new Map();
	const fileOf = new Map(files.map((f) => [f.itemIndex, f]));
	return writeResultsToItems(this, results, items, {
		successJson: (result) => {
			const version = versions.get(result.id);
			const file = fileOf.get(result.itemIndex);
			return {
				success: true,
				contentVersionId: result.id,
				contentDocumentId: version?.ContentDocumentId ?? null,
				title: version?.Title ?? (file?.fields.Title as string | undefined) ?? null,
				fileName: file?.fileName ?? null,
				size: version?.ContentSize ?? file?.size ?? null,
				linkedRecordId: (file?.fields.FirstPublishLocationId as string | undefined) ?? null,
			};
		},
	});
}

/** A file as base64 text: n8n's own text when it keeps the file in memory, else read from its store. */
async function base64Of(ctx: IExecuteFunctions, file: InputFile): Promise<string> {
	if (!file.binary.id) return file.binary.data;
	return (await ctx.helpers.getBinaryDataBuffer(file.itemIndex, file.property)).toString('base64');
}

/**
 * Writes a file's bytes into a request body: streamed from n8n's binary data store (filesystem or
 * S3 mode), or decoded from the base64 text n8n keeps in memory, never as a second whole copy.
 */
async function writeFileInto(
	ctx: IExecuteFunctions,
	file: InputFile,
	body: Buffer,
	offset: number,
): Promise<void> {
	let written = 0;
	if (file.binary.id) {
		const stream = await ctx.helpers.getBinaryStream(file.binary.id);
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			written += chunk.copy(body, offset + written, 0, Math.min(chunk.length, file.size - written));
			if (written >= file.size) break;
		}
	} else written = body.write(file.binary.data, offset, file.size, 'base64');
	if (written !== file.size)
		throw new Error(
			`The file of item ${file.itemIndex} has ${written} bytes where n8n recorded ${file.size}`,
		);
}

/** An item's file and fields, or why it is refused (before anything is uploaded). */
async function checkItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<InputFile | { refused: WriteFailure }> {
	const refuse = (errorCode: string, message: string, field: string) => ({
		refused: {
			itemIndex,
			success: false as const,
			errorCode,
			message,
			fields: [field],
			checkedLocally: true,
		},
	});
	const recordId = idParameterOf(ctx, 'recordId', itemIndex);
	if (recordId !== '') {
		const problem = recordIdProblem(recordId);
		if (problem) return refuse('MALFORMED_ID', `Link to ${problem}`, 'recordId');
	}
	const property = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	let binary: IBinaryData;
	try {
		binary = ctx.helpers.assertBinaryData(itemIndex, property);
	} catch {
		return refuse(
			'BINARY_DATA_MISSING',
			`The item has no file in its binary field "${property}" (Input Binary Field)`,
			'binaryPropertyName',
		);
	}
	const size = await sizeOf(ctx, binary);
	const tooLarge = fileSizeProblem(size);
	if (tooLarge)
		return refuse(
			'FILE_TOO_LARGE',
			`File "${binary.fileName ?? property}": ${tooLarge}`,
			'binaryPropertyName',
		);
	const fileName =
		binary.fileName?.trim() || `file${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const givenTitle = String(ctx.getNodeParameter('title', itemIndex, '')).trim();
	const givenDescription = String(ctx.getNodeParameter('description', itemIndex, '')).trim();
	const dot = fileName.lastIndexOf('.');
	const fields: IDataObject = {
		Title: givenTitle || (dot > 0 ? fileName.slice(0, dot) : fileName),
		PathOnClient: fileName,
		...(givenDescription ? { Description: givenDescription } : {}),
		...(recordId ? { FirstPublishLocationId: recordId } : {}),
	};
	return { itemIndex, fields, size, property, fileName, mimeType: binary.mimeType, binary };
}

/** A binary's size in bytes: as n8n recorded it, else from its stored metadata or its base64 text. */
async function sizeOf(ctx: IExecuteFunctions, binary: IBinaryData): Promise<number> {
	if (typeof binary.bytes === 'number') return binary.bytes;
	if (binary.id) return (await ctx.helpers.getBinaryMetadata(binary.id)).fileSize;
	const text = binary.data ?? '';
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	return Math.floor((text.length * 3) / 4) - padding;
}

/** One record's answer as a write result: its Id, or its errors (`statusCode` in Collections rows). */
function resultOf(itemIndex: number, answer: CreateAnswer | undefined): WriteResult {
	if (answer?.success && answer.id) return { itemIndex, success: true, id: answer.id };
	const errors = answer?.errors ?? [];
	return {
		itemIndex,
		success: false,
		errorCode: errors[0]?.statusCode ?? errors[0]?.errorCode ?? 'UNKNOWN_ERROR',
		message: errors.map((e) => e.message).join(' ') || 'Salesforce did not save the file',
		fields: errors[0]?.fields ?? [],
	};
}
