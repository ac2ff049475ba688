import type { IAllExecuteFunctions } from 'n8n-workflow';
import { ApiClient, type ClientOptions } from './client';
import type { Service } from './service';

/** Editor look-ups are interactive: fail fast rather than wait through long backoffs. */
export const EDITOR_CLIENT_OPTIONS: ClientOptions = {
	retry: { maxAttempts: 2, maxTotalWaitMs: 5_000 },
	timeoutMs: 15_000,
};

/** The service's typed client for this execution, hook, webhook call or editor look-up. */
export async function connect<C>(
	ctx: IAllExecuteFunctions,
	service: Service<C>,
	options?: ClientOptions,
): Promise<C> {
	return service.client(await ApiClient.create(ctx, service, options));
}
