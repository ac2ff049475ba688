import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { connect, EDITOR_CLIENT_OPTIONS } from '../../common/transport/connect';
import { SEEK_PASS_SERVICE } from '../transport';

/**
 * The registered webhooks for the Webhook picker, filtered here by name, URL or ID (the list API
 * takes no search term and has no pages [assumed]).
 */
export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const client = await connect(this, SEEK_PASS_SERVICE, EDITOR_CLIENT_OPTIONS);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = (await client.listWebhooks())
		.filter((hook) =>
			[hook.name, hook.url, hook.id].some((text) =>
				String(text ?? '')
					.toLowerCase()
					.includes(wanted),
			),
		)
		.map((hook) => ({ name: hook.name ? `${hook.name} (${hook.url})` : hook.url, value: hook.id }));
	return { results };
}
