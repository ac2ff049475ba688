import type { IDataObject } from 'n8n-workflow';
import { OB3_CONTEXT } from '../../constants';
import {
	RECIPIENT_KEYS,
	type CredentialJson,
	type PushBody,
	type RecipientInput,
} from '../../types';

/** The recipient object of the vendor's examples: all eight keys, "" where not given. */
export function recipientObject(recipient: RecipientInput): IDataObject {
	const out: IDataObject = {};
	for (const key of RECIPIENT_KEYS) out[key] = recipient[key];
	return out;
}

export interface EnvelopeInput {
	recipient: RecipientInput;
	/** Use case 3: the token SmartResume handed to the import endpoint; "" otherwise. */
	recipientToken: string;
	credentials: CredentialJson[];
	/**
	 * The push template always carries "recipienttoken" ("" outside use case 3); the SkillSync
	 * example has no such key. Each operation follows its own example.
	 */
	alwaysSendToken: boolean;
}

/**
 * The body of POST /api/v1/credentials. With a recipient token and no recipient id the
 * recipient is left out: SmartResume knows the signed-in user from the token [doc: "You will
 * not need to populate any personal information"].
 */
export function buildPushBody(input: EnvelopeInput): PushBody {
	const body: PushBody = { '@context': [...OB3_CONTEXT], credentials: input.credentials };
	if (input.alwaysSendToken || input.recipientToken !== '')
		body.recipienttoken = input.recipientToken;
	if (input.recipient.id !== '' || input.recipientToken === '')
		body.recipient = recipientObject(input.recipient);
	// Keys in the vendor's order: @context, recipienttoken, recipient, credentials.
	const { credentials, ...head } = body;
	return { ...head, credentials };
}
