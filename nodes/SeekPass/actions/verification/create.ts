import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { ItemParams, pick, rows } from '../../../common/item-params';
import { batched, type Entry } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { SEEK_PASS_VERIFY_SCOPES } from '../../constants';
import { parseRedirectUri } from '../../helpers/redirect-uri';
import { checkScopes, grantedScopes } from '../../helpers/scopes';
import { verificationCreateSchema, type VerificationCreateBody } from '../../schemas';
import type { SeekPassClient } from '../../transport';

interface VerificationEntry extends Entry {
	body: VerificationCreateBody;
}

const what = 'SEEK Pass verification request';

const METADATA_KEYS = [
	'position_title',
	'position_url',
	'position_location',
	'job_categories',
	'applied_on_seek',
] as const;

function readBody(params: ItemParams): unknown {
	const fields = params.raw<IDataObject>('verificationFields', {});
	const metadata = pick(params.raw<IDataObject>('metadata', {}), METADATA_KEYS);
	const displayOptions: IDataObject = { partner_name: params.raw('partner_name', '') };
	Object.assign(displayOptions, pick(fields, ['partner_logo_url']));
	// SEEK Pass would make one up, but then only its answer would tell which request this is.
	const requestId = pick(fields, ['request_id']).request_id ?? randomUUID();
	const body: IDataObject = {
		request_id: requestId,
		...pick(fields, ['callback_url']),
		display_options: displayOptions,
	};
	const sources = params.either(
		'request_source',
		rows(fields.request_source, 'sources', ['name']),
		fields.request_source_json,
	);
	if (sources !== undefined) body.request_source = sources as IDataObject[];
	if (Object.keys(metadata).length > 0) body.metadata = metadata;
	return body;
}

export const create: Operation<SeekPassClient> = {
	value: 'create',
	name: 'Create',
	action: 'Create a verification request',
	description:
		'Ask a person to prove their identity with SEEK Pass; gives the link to send them to',
	properties: [
		{
			displayName: 'Partner Name',
			name: 'partner_name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Acme Recruiting',
			description: 'Your name as SEEK Pass shows it to the person',
		},
		{
			displayName: 'Additional Fields',
			name: 'verificationFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Callback URL',
					name: 'callback_url',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://www.example.com/verified',
					description: 'Where SEEK Pass sends the person back to when they are done',
				},
				{
					displayName: 'Partner Logo URL',
					name: 'partner_logo_url',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://www.example.com/logo.png',
				},
				{
					displayName: 'Request ID',
					name: 'request_id',
					type: 'string',
					default: '',
					description:
						'Your ID for this request. Empty: a new UUID. Fetch the result with it later.',
				},
				{
					displayName: 'Request Source',
					name: 'request_source',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					default: {},
					placeholder: 'Add Source',
					description: 'Who is asking, e.g. the hiring company and the platform',
					options: [
						{
							name: 'sources',
							displayName: 'Source',
							values: [
								{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
							],
						},
					],
				},
				{
					displayName: 'Request Source (JSON)',
					name: 'request_source_json',
					type: 'json',
					default: '',
					description:
						'The request source as JSON, e.g. [{"name": "Acme"}]. Use this or Request Source, not both.',
				},
			],
		},
		{
			displayName: 'Metadata',
			name: 'metadata',
			type: 'collection',
			placeholder: 'Add Metadata',
			default: {},
			description: 'Context about the job the verification is for',
			options: [
				{
					displayName: 'Applied on SEEK',
					name: 'applied_on_seek',
					type: 'boolean',
					default: false,
					description: 'Whether the candidate applied through SEEK',
				},
				{ displayName: 'Job Categories', name: 'job_categories', type: 'string', default: '' },
				{
					displayName: 'Position Location',
					name: 'position_location',
					type: 'string',
					default: '',
				},
				{ displayName: 'Position Title', name: 'position_title', type: 'string', default: '' },
				{ displayName: 'Position URL', name: 'position_url', type: 'string', default: '' },
			],
		},
	],
	execute: async (operation) => {
		const granted = await grantedScopes(operation.ctx);
		return await verify(granted)(operation);
	},
};

const verify = (granted: Set<string> | undefined) =>
	batched<SeekPassClient, VerificationEntry>((op) => ({
		prepare: (itemIndex): VerificationEntry => {
			const params = new ItemParams(op.ctx, itemIndex, what);
			const body = params.validate(verificationCreateSchema, readBody(params));
			checkScopes(params, SEEK_PASS_VERIFY_SCOPES.create, granted);
			return { itemIndex, body };
		},
		send: async ([{ body, itemIndex }]) => {
			const answer = await op.client.createVerification(body, itemIndex);
			const link = parseRedirectUri(String(answer?.redirect_uri ?? ''));
			return [
				{
					requestId: answer?.request_id ?? body.request_id,
					redirectUri: link.redirectUri,
					contentId: link.contentId ?? null,
					clientId: link.clientId ?? null,
				},
			];
		},
	}));
