import { updateDisplayOptions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { mapConcurrent, type Settled } from '../../../common/items/legacy';
import { assembleOutput, type ItemResult } from '../../../common/items/legacy';
import type { Operation, OperationContext } from '../../../common/operation';
import { SeekPassClient } from '../../transport';
import { inputError } from '../../input-error';
import { runPrepared } from '../../../common/items/legacy';
import { failOnInvalid, prepareAll } from '../../../common/items/legacy';
import {
	batchBodyOf,
	batchConflicts,
	batchResult,
	batchWhat,
	readBatchEntry,
	readBatchJson,
	type BatchEntry,
} from '../../helpers/batch';
import { ItemParams } from '../item-params';
import { submissionIdProperties } from '../../helpers/fields/submissionId';

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
				description: 'Each input item is one credential; the credentials of one person go into one request and one link',
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

/** Groups the valid entries by person, in order of each person's first item. */
function groupByPerson(prepared: Array<Settled<BatchEntry>>): BatchEntry[][] {
	const groups = new Map<string, BatchEntry[]>();
	for (const p of prepared) {
		if (!p.ok) continue;
		const group = groups.get(p.value.personKey) ?? [];
		group.push(p.value);
		groups.set(p.value.personKey, group);
	}
	return [...groups.values()];
}

async function fromInputItems(op: OperationContext, client: SeekPassClient): Promise<INodeExecutionData[]> {
	const { ctx } = op;
	const prepared = await prepareAll(op.ctx, (itemIndex) => readBatchEntry(new ItemParams(ctx, itemIndex, batchWhat)));
	for (const group of groupByPerson(prepared)) {
		for (const { entry, field, problem } of batchConflicts(group)) {
			prepared[entry.itemIndex] = {
				ok: false,
				error: inputError(ctx.getNode(), entry.itemIndex, batchWhat, field, problem),
			};
		}
	}
	failOnInvalid(op.ctx, prepared);

	const groups = groupByPerson(prepared);
	const sent = await mapConcurrent(
		groups,
		op.settings.concurrency,
		async (group) => {
			const body = batchBodyOf(group);
			const answer = await client.addBatch(body, group[0].itemIndex);
			return { person: group[0].person, ...batchResult(answer, body) };
		},
		!ctx.continueOnFail(),
	);

	// One output item per person, at the place of their first item; the others add nothing.
	const outcomes: Array<Settled<ItemResult> | undefined> = prepared.map((p) => (p.ok ? undefined : p));
	groups.forEach((group, g) => {
		const result = sent[g];
		group.forEach((entry, position) => {
			if (!result) return;
			if (!result.ok) outcomes[entry.itemIndex] = result;
			else outcomes[entry.itemIndex] = { ok: true, value: position === 0 ? result.value : [] };
		});
	});
	const output = assembleOutput(ctx, outcomes);

	// The person's output comes from all of their items.
	const firstOf = new Map(groups.map((group) => [group[0].itemIndex, group]));
	for (const item of output) {
		const paired = item.pairedItem as { item: number } | undefined;
		const group = paired && item.json.error === undefined ? firstOf.get(paired.item) : undefined;
		if (group && group.length > 1) item.pairedItem = group.map((entry) => ({ item: entry.itemIndex }));
	}
	return output;
}

export const addBatch: Operation = {
	value: 'addBatch',
	name: 'Add Batch',
	action: 'Add several credentials to SEEK Pass in one link',
	description: 'Create one "Add to SEEK Pass" link for several credentials of one person (v2 batch)',
	properties,
	execute: async (op) => {
		const client = new SeekPassClient(op.client);
		if (op.ctx.getNodeParameter('batchSource', 0) === 'items') return await fromInputItems(op, client);
		return await runPrepared(
			op,
			(itemIndex) => readBatchJson(new ItemParams(op.ctx, itemIndex, 'SEEK Pass batch')),
			async (body, itemIndex) => batchResult(await client.addBatch(body, itemIndex), body),
		);
	},
};
