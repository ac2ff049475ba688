import type { INodeProperties } from 'n8n-workflow';
import type { SubmissionIdInput, SubmissionIdMode } from '../submission-id';
import type { ItemParams } from '../../../common/item-params';

/**
 * How the partner's id of a submission is chosen. Shared by credential:add (the submission id)
 * and credential:addBatch (each item's credential_id), with the wording passed in.
 */
export function submissionIdProperties(idName: string, withPersonKey = true): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: `${idName} ID`,
			name: 'submissionIdMode',
			type: 'options',
			options: [
				{
					name: 'Derive From Credential',
					value: 'derive',
					description:
						'The same person and credential always get the same ID, so a re-run within 48 hours returns the same link instead of a second submission',
				},
				{
					name: 'Generate New',
					value: 'generate',
					description:
						'A new ID (prefix, then a random UUID) every run; use it to send an updated credential within 48 hours',
				},
				{ name: 'Use My Own', value: 'given', description: 'An ID from your own system' },
			],
			default: 'derive',
		},
		{
			displayName: 'ID Prefix',
			name: 'submissionIdPrefix',
			type: 'string',
			default: '',
			placeholder: 'e.g. acme-uni',
			description: 'Optional text put before the UUID, e.g. your organisation',
			displayOptions: { show: { submissionIdMode: ['derive', 'generate'] } },
		},
		{
			displayName: `${idName} ID`,
			name: 'submissionId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme-uni-a9a4839f-53d9-4064-8b0b-1348113a33f8',
			description:
				'Must be unique across all your submissions; reusing one within 48 hours returns the earlier link',
			displayOptions: { show: { submissionIdMode: ['given'] } },
		},
	];
	if (withPersonKey) {
		properties.push({
			displayName: 'Person Identifier',
			name: 'personKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.email }}',
			description:
				'What identifies the person in the derived ID, e.g. their email or student number. Empty: their full name.',
			displayOptions: { show: { submissionIdMode: ['derive'] } },
		});
	}
	return properties;
}

export function readSubmissionIdInput(params: ItemParams): SubmissionIdInput {
	const mode = params.raw<SubmissionIdMode>('submissionIdMode', 'derive');
	if (mode === 'given')
		return { mode, given: String(params.raw<unknown>('submissionId', '') ?? '') };
	const prefix = String(params.raw<unknown>('submissionIdPrefix', '') ?? '');
	if (/\s/.test(prefix.trim())) params.fail('submissionIdPrefix', 'must not contain spaces');
	if (mode === 'generate') return { mode, prefix };
	return { mode, prefix, person: String(params.raw<unknown>('personKey', '') ?? '') };
}
