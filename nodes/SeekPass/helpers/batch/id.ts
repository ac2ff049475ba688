import type { INodeProperties } from 'n8n-workflow';
import type { ItemParams } from '../../../common/item-params';
import { randomSubmissionId, uuidV5 } from '../submission-id';

/** How the top-level credential_id of a v2 batch (the `id` of a v1 batch) is chosen. */
export const batchIdProperties: INodeProperties[] = [
	{
		displayName: 'Batch ID',
		name: 'batchIdMode',
		type: 'options',
		options: [
			{
				name: 'Derive From the Batch’s Credentials',
				value: 'derive',
				description:
					'The same person and credential IDs always give the same batch ID, so a re-run within 48 hours returns the same link',
			},
			{
				name: 'Generate New',
				value: 'generate',
				description: 'A new ID (prefix, then a random UUID) every run',
			},
			{ name: 'Use My Own', value: 'given', description: 'An ID from your own system' },
		],
		default: 'derive',
	},
	{
		displayName: 'Batch ID Prefix',
		name: 'batchIdPrefix',
		type: 'string',
		default: '',
		placeholder: 'e.g. acme-uni-batch',
		description: 'Optional text put before the UUID, e.g. your organisation',
		displayOptions: { show: { batchIdMode: ['derive', 'generate'] } },
	},
	{
		displayName: 'Batch ID Value',
		name: 'batchId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. acme-uni-batch-2024-0042',
		description:
			'Must be unique across all your submissions; the items of one person must give the same value',
		displayOptions: { show: { batchIdMode: ['given'] } },
	},
];

export interface BatchIdInput {
	mode: 'derive' | 'generate' | 'given';
	prefix: string;
	given: string;
}

export function readBatchIdInput(params: ItemParams): BatchIdInput {
	const mode = params.raw<BatchIdInput['mode']>('batchIdMode', 'derive');
	const prefix = params.text('batchIdPrefix').trim();
	const given = mode === 'given' ? params.text('batchId').trim() : '';
	if (/\s/.test(prefix)) params.fail('batchIdPrefix', 'must not contain spaces');
	if (mode === 'given' && given === '') params.fail('batchId', 'is required');
	if (/\s/.test(given)) params.fail('batchId', 'must not contain spaces');
	return { mode, prefix, given };
}

/**
 * The batch's id. Derived from the person and the credential ids it carries, so a re-run of the
 * same credentials sends the same id and SEEK Pass answers the link it already made.
 */
export function batchIdFor(
	input: BatchIdInput,
	personKey: string,
	credentialIds: string[],
): string {
	if (input.mode === 'given') return input.given;
	if (input.mode === 'generate') return randomSubmissionId(input.prefix);
	const uuid = uuidV5(JSON.stringify(['batch', personKey, [...credentialIds].sort()]));
	const prefix = input.prefix.replace(/-+$/, '');
	return prefix ? `${prefix}-${uuid}` : uuid;
}
