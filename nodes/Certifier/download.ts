import { sleep, type IExecuteFunctions, type IHttpRequestOptions } from 'n8n-workflow';
import type { RequestSettings } from '../common/items/request-options';
import { toNodeApiError } from '../common/transport/api-error';
import { describeFailure, type HttpFailure } from '../common/transport/failure';
import { isRetryable, nextDelay, parseRetryAfter } from '../common/transport/retry-policy';
import { CERTIFIER_SERVICE } from './constants';

export interface Downloaded {
	data: Buffer;
	contentType?: string;
}

/**
 * Fetches a design preview. Preview URLs are public CDN links on another host, so they are fetched
 * WITHOUT the Certifier credential: the access token must never travel to a third-party host.
 * Retries like the API transport does.
 */
export async function downloadPreview(
	ctx: IExecuteFunctions,
	url: string,
	settings: RequestSettings,
	itemIndex: number,
): Promise<Downloaded> {
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		timeout: settings.timeoutMs,
	};
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		let failure: HttpFailure;
		try {
			const response = (await ctx.helpers.httpRequest(options)) as {
				body: ArrayBuffer | Buffer;
				headers?: Record<string, unknown>;
			};
			const contentType = response.headers?.['content-type'];
			return {
				data: Buffer.from(response.body as ArrayBuffer),
				contentType: typeof contentType === 'string' ? contentType : undefined,
			};
		} catch (error) {
			failure = describeFailure(error);
		}
		const retryAfter = parseRetryAfter(failure.headers['retry-after'], Date.now());
		const delay = isRetryable(failure)
			? nextDelay(attempt, retryAfter, waited, settings.retry, Math.random)
			: undefined;
		if (delay === undefined) {
			throw toNodeApiError(ctx.getNode(), failure, {
				service: CERTIFIER_SERVICE,
				method: 'GET',
				path: url.replace(/[?#].*$/, ''),
				attempts: attempt,
				itemIndex,
				secrets: [],
			});
		}
		await sleep(delay);
		waited += delay;
	}
}
