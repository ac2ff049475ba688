import { updateDisplayOptions, type IDataObject, type INodeProperties } from 'n8n-workflow';
import { ItemParams } from '../../../common/item-params';
import { batched, type Entry } from '../../../common/items';
import type { Operation, OperationContext } from '../../../common/operation';
import { inputError } from '../../../common/validation';
import { failedUploads, uploadAssets } from '../../helpers/assets';
import {
	apiVersionOf,
	batchBodyOf,
	batchConflicts,
	batchWhat,
	credentialsOf,
	credentialsWithAssets,
	linkOf,
	readBatchEntry,
	type ApiVersion,
	type BatchEntry,
} from '../../helpers/batch';
import { batchIdFor, batchIdProperties } from '../../helpers/batch/id';
import {
	batchV1JsonSchema,
	batchV2JsonSchema,
	type BatchV1Body,
	type BatchV2Body,
} from '../../helpers/batch/schema';
import {
	batchApiVersionProperty,
	batchFieldProperties,
	batchTypeProperty,
} from '../../helpers/batch/properties';
import { submissionIdProperties } from '../../helpers/fields/submissionId';
import type { SeekPassClient } from '../../transport';
import type { SeekPassCredentialType } from '../../constants';
import { addScopes, checkScopes, grantedScopes } from '../../helpers/scopes';

const fromItems = { show: { batchSource: ['items'] } };

const properties: INodeProperties[] = [
	batchApiVersionProperty,
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
					'Each input item is one credential, from the same fields as Add; the credentials of one person go into one request and one link',
			},
			{
				name: 'Whole Batch From JSON',
				value: 'json',
				description: 'Each input item carries a complete batch body of the API version',
			},
		],
		default: 'items',
	},
	...updateDisplayOptions(fromItems, [
		batchTypeProperty,
		...submissionIdProperties('Credential', false),
		{
			displayName: 'Person',
			name: 'personKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.email }}',
			description:
				'Items with the same value go into one batch request: one link for that person. Also identifies the person in derived IDs. Empty: the credential’s full_name.',
		},
		...batchIdProperties,
		...batchFieldProperties(),
	]),
	{
		displayName: 'Batch (JSON)',
		name: 'batchJson',
		type: 'json',
		default: '{\n  "credential_id": "",\n  "education_items": []\n}',
		required: true,
		description:
			'The whole batch body. v2: {"credential_id", "digital_identity", "education_items", "microcredential_items", "english_proficiency_items", "right_to_work_items", "career_history", "universal_credential_items"}, each item {"credential_id", "fields", "assets"}. v1: the batch ID and "credentials", each with its own ID, "credential_type" and "data": {"credential"}.',
		displayOptions: { show: { batchSource: ['json'] } },
	},
];

/** One batch request per person: its link, and what became of every attachment. */
async function sendGroup(
	op: OperationContext<SeekPassClient>,
	version: ApiVersion,
	group: BatchEntry[],
): Promise<IDataObject> {
	const [first] = group;
	const batchId = batchIdFor(
		first.batchId,
		first.personKey,
		group.map((e) => e.credentialId),
	);
	if (version === 'v1') {
		const answer = await op.client.addBatchV1(batchBodyOf('v1', batchId, group), first.itemIndex);
		return {
			person: first.person,
			batchId,
			...linkOf(answer),
			credentials: group.map((e) => ({ credentialId: e.credentialId, credentialType: e.type })),
		};
	}
	const answer = await op.client.addBatchV2(batchBodyOf('v2', batchId, group), first.itemIndex);
	const outcomes = await uploadAssets(
		op,
		group.map((e) => ({ credentialId: e.credentialId, itemIndex: e.itemIndex, assets: e.assets })),
		answer?.uploads,
	);
	return {
		person: first.person,
		batchId,
		...linkOf(answer),
		credentials: credentialsWithAssets(group, outcomes),
		uploadsFailed: failedUploads(outcomes.values()),
	};
}

/** One credential per item; a person's credentials share one request and one output (one link). */
const fromInputItems = (granted: Set<string> | undefined) =>
	batched<SeekPassClient, BatchEntry>((op) => {
		const version = apiVersionOf(op.ctx);
		return {
			prepare: (itemIndex) =>
				readBatchEntry(new ItemParams(op.ctx, itemIndex, batchWhat), version, granted),
			groupKey: (entry) => entry.personKey,
			conflicts: (group) =>
				batchConflicts(group, version).map(({ entry, field, problem }) => ({
					entry,
					error: inputError(op.ctx.getNode(), entry.itemIndex, batchWhat, field, problem),
				})),
			output: 'perGroup',
			send: async (group) => await sendGroup(op, version, group),
		};
	});

interface JsonEntry extends Entry {
	body: BatchV2Body | BatchV1Body;
}

/**
 * One complete batch body per item, one request each. Its attachments are the user's to upload:
 * the answer's upload links are passed on as they came.
 */
const fromJson = (granted: Set<string> | undefined) =>
	batched<SeekPassClient, JsonEntry>((op) => {
		const version = apiVersionOf(op.ctx);
		return {
			prepare: (itemIndex): JsonEntry => {
				const params = new ItemParams(op.ctx, itemIndex, 'SEEK Pass batch');
				const parsed = params.parse(params.raw<unknown>('batchJson', ''), 'batchJson');
				const body =
					version === 'v1'
						? (params.validate(batchV1JsonSchema, parsed) as BatchV1Body)
						: (params.validate(batchV2JsonSchema, parsed) as BatchV2Body);
				const types = credentialsOf(body).map((c) => c.credentialType as SeekPassCredentialType);
				checkScopes(params, addScopes(types), granted);
				return { itemIndex, body };
			},
			send: async ([{ body, itemIndex }]) => {
				if (version === 'v1') {
					const v1 = body as BatchV1Body;
					const answer = await op.client.addBatchV1(v1, itemIndex);
					return [{ batchId: v1.id, ...linkOf(answer), credentials: credentialsOf(v1) }];
				}
				const v2 = body as BatchV2Body;
				const answer = await op.client.addBatchV2(v2, itemIndex);
				return [
					{
						batchId: v2.credential_id,
						...linkOf(answer),
						credentials: credentialsOf(v2),
						uploadLinks: Array.isArray(answer?.uploads)
							? (answer.uploads as unknown as IDataObject[])
							: [],
					},
				];
			},
		};
	});

export const addBatch: Operation<SeekPassClient> = {
	value: 'addBatch',
	name: 'Add Batch',
	action: 'Add several credentials to SEEK Pass in one link',
	description:
		'Create one "Add to SEEK Pass" link for several credentials of one person, with their files (v2 batch)',
	properties,
	execute: async (op) => {
		const granted = await grantedScopes(op.ctx);
		return op.ctx.getNodeParameter('batchSource', 0) === 'items'
			? await fromInputItems(granted)(op)
			: await fromJson(granted)(op);
	},
};
