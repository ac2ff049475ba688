import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { connect } from '../../common/transport/connect';
import { CERTIFIER_SERVICE, type CertifierWebhookPayload } from '../transport';

function objectOrUndefined(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/**
 * The item the run starts with: the event, its credential id, the interaction when the delivery
 * carries one, and the credential when asked for — taken from the delivery's data.credential when
 * Certifier sent it (viewed events do), fetched only when it did not.
 */
export async function webhookItem(
	ctx: IWebhookFunctions,
	event: CertifierWebhookPayload,
): Promise<IDataObject> {
	const credentialId = event.data?.resource?.id;
	const item: IDataObject = { ...event, credentialId: credentialId ?? null };
	const interaction = objectOrUndefined(event.data?.credentialInteraction);
	if (interaction) item.credentialInteraction = interaction;
	if (!(ctx.getNodeParameter('includeCredential', false) as boolean)) return item;
	const delivered = objectOrUndefined(event.data?.credential);
	if (delivered) return { ...item, credential: delivered };
	// A deleted credential cannot be fetched any more; the event still says which one it was.
	if (event.type === 'credential.deleted' || !credentialId) return { ...item, credential: null };
	const client = await connect(ctx, CERTIFIER_SERVICE);
	return { ...item, credential: await client.getCredential(credentialId) };
}
