// Which service a request path belongs to, by its prefix on the one sandbox port.
import { CONTROL_PREFIX, SERVICE_PREFIX, type ServiceName, type LoggedRequest } from './types.cjs';

const SERVICES = Object.keys(SERVICE_PREFIX) as ServiceName[];

export function pathOf(url: string): string {
	const q = url.indexOf('?');
	return q === -1 ? url : url.slice(0, q);
}

function under(path: string, prefix: string): boolean {
	return path === prefix || path.startsWith(`${prefix}/`);
}

export function serviceOf(path: string): ServiceName | undefined {
	return SERVICES.find((s) => under(path, SERVICE_PREFIX[s]));
}

export function logServiceOf(path: string): LoggedRequest['service'] {
	return serviceOf(path) ?? (under(path, CONTROL_PREFIX) ? 'control' : 'other');
}

/** Path relative to the service prefix ('/' when the prefix itself). */
export function relativePath(service: ServiceName, path: string): string {
	return path.slice(SERVICE_PREFIX[service].length) || '/';
}

/** Default token-endpoint test: the last segment is `token` or `token.json`. */
export function looksLikeTokenEndpoint(relPath: string): boolean {
	return /\/token(\.json)?$/.test(relPath);
}
