import type { IDataObject } from 'n8n-workflow';
import { derivedUrnUuid } from './builders/derived-id';
import { buildPushBody } from './builders/envelope';
import { buildSkillCarriers, type SkillInput } from './builders/skill-sync';
import { SKILL_CARRIER_DEFAULTS } from '../constants';
import { pushBodySchema, skillSyncSchema } from '../schemas';
import type { PushBody } from '../types';
import { readIssuer } from './issuer';
import { asText, type ItemParams } from '../../common/item-params';
import { readRecipient } from './recipient';

export const SYNC_WHAT = 'SmartResume SkillSync';

export interface SyncEntry {
	itemIndex: number;
	body: PushBody;
	recipientId: string;
	carrierIds: string[];
	verified: number;
	selfAsserted: number;
}

/** A skill as the user gave it; `verified` stays as given so the schema can refuse a non-boolean. */
function skillOf(row: IDataObject): Record<keyof SkillInput, unknown> {
	return {
		name: asText(row.name),
		description: asText(row.description),
		level: asText(row.level),
		category: asText(row.category),
		verified: row.verified ?? false,
		evidenceUrl: asText(row.evidenceUrl),
		framework: asText(row.framework),
	};
}

function readSkills(params: ItemParams): unknown[] {
	if (params.text('skillsSource') === 'json') {
		const list = params.json('skillsJson') ?? [];
		if (!Array.isArray(list)) params.fail('skillsJson', 'must be a JSON list of skills');
		return (list as unknown[]).map((s) =>
			s !== null && typeof s === 'object' ? skillOf(s as IDataObject) : s,
		);
	}
	const rows = (params.collection('skills').skill ?? []) as IDataObject[];
	return rows.map(skillOf);
}

/** Reads and checks one item, carriers built; throws naming item and field before anything is sent. */
export function readSyncEntry(params: ItemParams): SyncEntry {
	const { recipient, recipientToken } = readRecipient(params);
	const { skills, proof } = params.validate(skillSyncSchema, {
		skills: readSkills(params),
		proof: params.json('proof'),
	});
	const options = params.collection('carrierOptions');
	const issuer = readIssuer(params);
	const option = (name: string, fallback = '') =>
		name in options ? asText(options[name]) : fallback;

	let verifiedId = option('carrierId');
	if (verifiedId.trim() === '') {
		if (recipient.id.trim() === '') {
			params.fail(
				'carrierOptions.carrierId',
				'is required when no recipient ID is given (it must stay the same for this person)',
			);
		}
		verifiedId = derivedUrnUuid('smartresume-skillsync-carrier', issuer.id, recipient.id);
	}
	const carriers = buildSkillCarriers(
		{
			verifiedId,
			selfAssertedId:
				option('selfAssertedCarrierId') ||
				derivedUrnUuid('smartresume-skillsync-self-asserted', verifiedId),
			achievementId:
				option('achievementId') || derivedUrnUuid('smartresume-skillsync-achievement', issuer.id),
			name: option('name', SKILL_CARRIER_DEFAULTS.name),
			achievementName: option('achievementName', SKILL_CARRIER_DEFAULTS.achievementName),
			awardedDate: option('awardedDate'),
			narrative: option('narrative'),
			subjectId: option('subjectId'),
			issuer: { id: issuer.id, name: issuer.name },
			framework: option('framework'),
			proof: proof as IDataObject | IDataObject[] | undefined,
		},
		skills as SkillInput[],
	);
	const body = buildPushBody({
		recipient,
		recipientToken,
		credentials: carriers,
		alwaysSendToken: false,
	});
	params.validate(pushBodySchema, body);
	const verified = skills.filter((s) => s.verified).length;
	return {
		itemIndex: params.itemIndex,
		body,
		recipientId: recipient.id,
		carrierIds: carriers.map((c) => c.id as string),
		verified,
		selfAsserted: skills.length - verified,
	};
}
