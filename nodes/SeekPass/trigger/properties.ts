import type { IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions } from 'n8n-workflow';
import { SEEK_PASS_WEBHOOK_DEFAULTS } from '../constants';
import type { SignatureSettings } from './delivery';

// The editor's defaults must be literals (lint); a unit test keeps them equal to SEEK_PASS_WEBHOOK_DEFAULTS.
export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{
				name: 'Canceled',
				value: 'canceled',
				description: 'The person declined, or the request expired',
			},
			{
				name: 'Incomplete',
				value: 'incomplete',
				description: 'The person started but has not finished',
			},
			{ name: 'Verified', value: 'verified', description: 'The person proved their identity' },
		],
		default: ['verified'],
		description: 'Which verification outcomes start the workflow',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fetch Verification Result',
				name: 'fetchVerificationResult',
				type: 'boolean',
				default: false,
				description:
					'Whether to get the full result (the person’s verified details) from SEEK Pass and output it with the event, which only carries the status',
			},
			{
				displayName: 'Signature Header',
				name: 'signatureHeader',
				type: 'string',
				default: 'X-Signature',
				description: 'Header that carries the hex HMAC-SHA256 signature',
			},
			{
				displayName: 'Signed Payload Layout',
				name: 'signedPayload',
				type: 'string',
				default: '{timestamp}.{body}',
				description:
					'How SEEK Pass joins the timestamp and the raw body before signing; {timestamp} and {body} stand for them',
			},
			{
				displayName: 'Timestamp Header',
				name: 'timestampHeader',
				type: 'string',
				default: 'X-Timestamp',
				description: 'Header that carries the signing time (unix seconds)',
			},
			{
				displayName: 'Timestamp Tolerance (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description:
					'Calls signed longer ago than this, or this far in the future, are refused as replays',
			},
		],
	},
];

export interface TriggerSettings extends SignatureSettings {
	events: string[];
	fetchVerificationResult: boolean;
}

export function readTriggerSettings(ctx: IWebhookFunctions | IHookFunctions): TriggerSettings {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const textOr = (value: unknown, fallback: string) =>
		typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
	return {
		events: ctx.getNodeParameter('events', []) as string[],
		fetchVerificationResult: options.fetchVerificationResult === true,
		signatureHeader: textOr(options.signatureHeader, SEEK_PASS_WEBHOOK_DEFAULTS.signatureHeader),
		timestampHeader: textOr(options.timestampHeader, SEEK_PASS_WEBHOOK_DEFAULTS.timestampHeader),
		// Not trimmed: spaces around the placeholders would be part of what is signed.
		signedPayload:
			typeof options.signedPayload === 'string' && options.signedPayload !== ''
				? options.signedPayload
				: SEEK_PASS_WEBHOOK_DEFAULTS.signedPayload,
		toleranceSeconds:
			typeof options.toleranceSeconds === 'number' && options.toleranceSeconds > 0
				? options.toleranceSeconds
				: SEEK_PASS_WEBHOOK_DEFAULTS.toleranceSeconds,
	};
}
