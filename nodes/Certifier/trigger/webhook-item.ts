import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { connect } from '../../common/transport/connect';
import { CERTIFIER_SERVICE, type CertifierWebhookPayload } from '../transport';

/** The item the run starts with: the event, its credential id, and the credential when asked for. */
export async function webhookItem(
	ctx: IWebhookFunctions,
	event: CertifierWebhookPayload,
): Promise<IDataObject> {
	const credentialId = event.data?.resource?.id;
	const item: IDataObject = { ...event, credentialId: credentialId ?? null };
	if (!(ctx.getNodeParameter('includeCredential', false) as boolean)) return item;
	// A deleted credential cannot be fetched any more; the event still says which one it was.
	if (event.type === 'credential.deleted' || !credentialId) return { ...item, credential: null };
	const client = await connect(ctx, CERTIFIER_SERVICE);
	return { ...item, credential: await client.getCredential(credentialId) };
}
