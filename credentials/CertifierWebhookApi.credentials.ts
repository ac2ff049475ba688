import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The signing secret of a webhook endpoint made in Certifier's dashboard (Certifier has no API to
 * create webhooks). Certifier sends no request with it; the Certifier Trigger checks it locally.
 */
export class CertifierWebhookApi implements ICredentialType {
	name = 'certifierWebhookApi';

	displayName = 'Certifier Webhook API';

	icon: Icon = { light: 'file:../icons/certifier.svg', dark: 'file:../icons/certifier.dark.svg' };

	documentationUrl = 'https://github.com/career-credentials/n8n-nodes-career-credentials#certifier';

	properties: INodeProperties[] = [
		{
			displayName: 'Webhook Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The signing secret Certifier shows for the webhook endpoint (dashboard → Settings → Developers → Webhooks). Used to check each delivery's X-Webhook-Signature.",
		},
	];
}
