import type { IDataObject } from 'n8n-workflow';
import { CUSTOM_ACHIEVEMENT_TYPE } from './achievement-types';
import { buildClr } from './builders/clr';
import { buildPushBody } from './builders/envelope';
import {
	certifierRecipient,
	certifierToOb3,
	type CertifierCredentialItem,
} from './builders/from-certifier';
import { buildOb3, OB3_DATE_KEYS, type Ob3Dates } from './builders/ob3';
import { certifierCredentialSchema, pushBodySchema } from '../schemas';
import type { CredentialJson, RecipientInput } from '../types';
import { readIssuer } from './issuer';
import { asText, type ItemParams } from '../../common/item-params';
import { readRecipient, type RecipientPart } from './recipient';

export const PUSH_WHAT = 'SmartResume push';

/** One input item's share of a push: who it is for and the credentials it adds. */
export interface PushEntry extends RecipientPart {
	itemIndex: number;
	credentials: CredentialJson[];
}

function achievementType(params: ItemParams): string {
	const chosen = params.text('achievementType');
	return chosen === CUSTOM_ACHIEVEMENT_TYPE ? params.text('customAchievementType') : chosen;
}

function fromFields(params: ItemParams, recipient: RecipientPart): CredentialJson {
	const issuer = readIssuer(params);
	const subjectId = params.text('subjectId') || recipient.recipient.id;
	if (params.text('format') === 'clr') {
		const included = params.json('includedCredentials') ?? [];
		if (!Array.isArray(included))
			params.fail('includedCredentials', 'must be a JSON list of credentials');
		const { givenName, familyName, additionalName } = recipient.recipient;
		return buildClr({
			id: params.text('assertionId'),
			name: params.text('credentialName'),
			issuer,
			validFrom: params.text('validFrom'),
			subjectId,
			names: { givenName, familyName, additionalName },
			verifiableCredential: included as CredentialJson[],
		});
	}
	const details = params.collection('achievementDetails');
	const datesIn = params.collection('dates');
	const dates = {} as Ob3Dates;
	for (const key of OB3_DATE_KEYS) dates[key] = asText(datesIn[key]);
	const achievementName = params.text('achievementName');
	return buildOb3({
		id: params.text('assertionId'),
		name: params.text('credentialName') || achievementName,
		dates,
		subjectId,
		achievement: {
			id: params.text('achievementId'),
			achievementType: achievementType(params),
			name: achievementName,
			description: asText(details.description),
			imageId: asText(details.imageId),
		},
		issuer,
	});
}

function readCertifierItem(params: ItemParams): CertifierCredentialItem {
	const value = params.json('certifierCredential');
	return params.validate(
		certifierCredentialSchema,
		value ?? {},
		'Certifier credential',
	) as CertifierCredentialItem;
}

function fromCertifier(
	params: ItemParams,
	item: CertifierCredentialItem,
	recipient: RecipientPart,
): CredentialJson {
	const details = params.collection('achievementDetails');
	const achievementName = asText(details.name);
	if (achievementName.trim() === '' && !item.group?.name) {
		params.fail(
			'certifierCredential.group.name',
			'is missing: turn on Include Group in the Certifier node, or fill Achievement Details → Name',
		);
	}
	return buildOb3(
		certifierToOb3(item, {
			achievementType: achievementType(params),
			issuer: readIssuer(params),
			achievementName,
			achievementDescription: asText(details.description),
			achievementImageId: asText(details.imageId),
			subjectId: params.text('subjectId'),
			recipientId: recipient.recipient.id,
		}),
	);
}

/** Ready JSON: one credential, a list of them, or a whole push body (whose recipient fills gaps). */
function fromJson(params: ItemParams): {
	credentials: unknown[];
	recipient: Partial<RecipientInput>;
	token: string;
} {
	const value = params.json('credentialJson');
	if (value === undefined || value === null || typeof value !== 'object') {
		return params.fail(
			'credentialJson',
			'must be a credential, a list of credentials or a push body (JSON)',
		);
	}
	if (Array.isArray(value)) return { credentials: value, recipient: {}, token: '' };
	const body = value as IDataObject;
	if (!Array.isArray(body.credentials)) return { credentials: [body], recipient: {}, token: '' };
	const recipient = (
		body.recipient && typeof body.recipient === 'object' ? body.recipient : {}
	) as Partial<RecipientInput>;
	return {
		credentials: body.credentials,
		recipient,
		token: typeof body.recipienttoken === 'string' ? body.recipienttoken : '',
	};
}

/** Reads and checks one item; throws an error naming the item and the field before anything is sent. */
export function readPushEntry(params: ItemParams): PushEntry {
	const source = params.text('source');
	let part: RecipientPart;
	let credentials: unknown[];
	if (source === 'json') {
		const json = fromJson(params);
		part = readRecipient(params, json.recipient);
		if (part.recipientToken === '') part.recipientToken = json.token;
		credentials = json.credentials;
	} else if (source === 'certifier') {
		const item = readCertifierItem(params);
		part = readRecipient(params, certifierRecipient(item));
		credentials = [fromCertifier(params, item, part)];
	} else {
		part = readRecipient(params);
		credentials = [fromFields(params, part)];
	}
	const body = buildPushBody({
		...part,
		credentials: credentials as CredentialJson[],
		alwaysSendToken: true,
	});
	params.validate(pushBodySchema, body);
	return { ...part, itemIndex: params.itemIndex, credentials: credentials as CredentialJson[] };
}
