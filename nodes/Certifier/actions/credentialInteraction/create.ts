import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { CERTIFIER_INTERACTION_EVENT_TYPES } from '../../constants';
import { credentialLocator } from '../../helpers/fields';
import { createInteractionSchema } from '../../schemas';
import type { CertifierClient } from '../../transport';

/** "credential_shared_to_linkedin" → "Shared to LinkedIn"-style labels, sorted as n8n wants. */
const LABELS: Record<(typeof CERTIFIER_INTERACTION_EVENT_TYPES)[number], string> = {
	credential_viewed: 'Viewed',
	credential_shared_to_linkedin: 'Shared to LinkedIn',
	credential_added_to_linkedin_profile: 'Added to LinkedIn Profile',
	credential_shared_to_facebook: 'Shared to Facebook',
	credential_shared_to_twitter: 'Shared to Twitter',
	credential_shared_to_messenger: 'Shared to Messenger',
	credential_shared_to_whatsapp: 'Shared to WhatsApp',
	credential_shared_to_pinterest: 'Shared to Pinterest',
	credential_shared_to_telegram: 'Shared to Telegram',
	credential_shared_to_weibo: 'Shared to Weibo',
	credential_downloaded: 'Downloaded',
	credential_link_copied: 'Link Copied',
	credential_verified: 'Verified',
};

export const create: Operation<CertifierClient> = {
	value: 'create',
	name: 'Create',
	action: 'Create a credential interaction',
	description:
		'Record an event on a credential, e.g. when you show credentials in your own viewer (may trigger its webhook)',
	properties: [
		credentialLocator,
		{
			displayName: 'Event Type',
			name: 'eventType',
			type: 'options',
			required: true,
			default: 'credential_viewed',
			options: CERTIFIER_INTERACTION_EVENT_TYPES.map((value) => ({
				name: LABELS[value],
				value,
			})).sort((a, b) => a.name.localeCompare(b.name)),
			description: 'What happened to the credential',
		},
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'credential interaction');
		const body = params.validate(createInteractionSchema, {
			credentialId: params.locator('credentialId'),
			eventType: params.raw('eventType'),
		});
		return { ...(await client.createInteraction(body, itemIndex)) };
	}),
};
