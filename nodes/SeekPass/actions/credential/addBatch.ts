import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { ItemParams } from '../../../common/item-params';
import { batched, type Entry } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { inputError } from '../../../common/validation';
import {
	batchBodyOf,
	batchConflicts,
	batchResult,
	batchWhat,
	readBatchEntry,
	readBatchJson,
	type BatchEntry,
} from '../../helpers/batch';
import { submissionIdProperties } from '../../helpers/fields/submissionId';
import type { BatchBody } from '../../schemas';
import type { SeekPassClient } from '../../transport';

const fromItems = { show: { batchSource: ['items'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'batchSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Credential per Item, Grouped by Person',
				value: 'items',
				description:
					'Each input item is one credential; the credentials of one person go into one request and one link',
			},
			{
				name: 'Whole Batch From JSON',
				value: 'json',
				description: 'Each input item carries a complete v2 batch body',
			},
		],
		default: 'items',
	},
	{
		displayName: 'Credential Type',
		name: 'batchCredentialType',
		type: 'options',
		options: [
			{ name: 'Digital Identity', value: 'digital_identity' },
			{ name: 'Education', value: 'education' },
			{ name: 'English Proficiency', value: 'english_proficiency' },
			{ name: 'Microcredential', value: 'microcredential' },
		],
		default: 'education',
		description: 'To mix types, set this with an expression that reads each item’s type',
		displayOptions: fromItems,
	},
	{
		displayName: 'Credential Fields (JSON)',
		name: 'credentialFields',
		type: 'json',
		default: '{\n  "full_name": ""\n}',
		required: true,
		description:
			'The credential’s fields in SEEK Pass’s names, as for Add (e.g. {"full_name", "course_name", "conferral_year", …}), usually an expression that reads them from the item',
		displayOptions: fromItems,
	},
	{
		displayName: 'Document Type',
		name: 'batchDocumentType',
		type: 'options',
		options: [
			{ name: 'English Assessment (PDF)', value: 'english_assessment' },
			{ name: 'JPG', value: 'jpg' },
			{ name: 'None', value: 'none' },
			{ name: 'OpenCert', value: 'open_cert' },
			{ name: 'PDF', value: 'pdf' },
			{ name: 'PNG', value: 'png' },
		],
		default: 'none',
		description: 'Must suit the credential type, as for Add; can be an expression',
		displayOptions: fromItems,
	},
	{
		displayName: 'Document',
		name: 'batchDocument',
		type: 'json',
		default: '',
		description: 'The document’s public URL, or the OpenCert JSON. Leave empty for None.',
		displayOptions: fromItems,
	},
	{
		displayName: 'Person',
		name: 'personKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.email }}',
		description:
			'Items with the same value go into one batch request: one link for that person. Also identifies the person in derived IDs. Empty: the credential’s full_name.',
		displayOptions: fromItems,
	},
	...updateDisplayOptions(fromItems, submissionIdProperties('Credential', false)),
	{
		displayName: 'Batch (JSON)',
		name: 'batchJson',
		type: 'json',
		default: '{\n  "education_items": []\n}',
		required: true,
		description:
			'The v2 batch body: "education_items", "english_proficiency_items", "microcredential_items" (lists) and "digital_identity" (one), each item {"credential_id", "fields", "document_type", "document"}',
		displayOptions: { show: { batchSource: ['json'] } },
	},
];

/** One credential per item; a person's credentials share one request and one output (one link). */
const fromInputItems = batched<SeekPassClient, BatchEntry>((op) => ({
	prepare: (itemIndex) => readBatchEntry(new ItemParams(op.ctx, itemIndex, batchWhat)),
	groupKey: (entry) => entry.personKey,
	conflicts: (group) =>
		batchConflicts(group).map(({ entry, field, problem }) => ({
			entry,
			error: inputError(op.ctx.getNode(), entry.itemIndex, batchWhat, field, problem),
		})),
	output: 'perGroup',
	send: async (group) => {
		const body = batchBodyOf(group);
		const answer = await op.client.addBatch(body, group[0].itemIndex);
		return { person: group[0].person, ...batchResult(answer, body) };
	},
}));

interface JsonEntry extends Entry {
	body: BatchBody;
}

/** One complete batch body per item, one request each. */
const fromJson = batched<SeekPassClient, JsonEntry>((op) => ({
	prepare: (itemIndex) => ({
		itemIndex,
		body: readBatchJson(new ItemParams(op.ctx, itemIndex, 'SEEK Pass batch')),
	}),
	send: async ([{ body, itemIndex }]) => [
		batchResult(await op.client.addBatch(body, itemIndex), body),
	],
}));

export const addBatch: Operation<SeekPassClient> = {
	value: 'addBatch',
	name: 'Add Batch',
	action: 'Add several credentials to SEEK Pass in one link',
	description:
		'Create one "Add to SEEK Pass" link for several credentials of one person (v2 batch)',
	properties,
	execute: async (op) =>
		op.ctx.getNodeParameter('batchSource', 0) === 'items'
			? await fromInputItems(op)
			: await fromJson(op),
};
