// Which hosted service a request path belongs to, by its prefix on the one sandbox port,
// and the checks that keep the hosted services' names and prefixes apart.
import { CONTROL_PREFIX, type ServiceModule } from './types.cjs';

export function pathOf(url: string): string {
	const q = url.indexOf('?');
	return q === -1 ? url : url.slice(0, q);
}

function under(path: string, prefix: string): boolean {
	return path === prefix || path.startsWith(`${prefix}/`);
}

export function moduleOf<M extends ServiceModule>(
	modules: readonly M[],
	path: string,
): M | undefined {
	return modules.find((m) => under(path, m.prefix));
}

export function logServiceOf<M extends ServiceModule>(
	modules: readonly M[],
	path: string,
): M['name'] | 'control' | 'other' {
	return moduleOf(modules, path)?.name ?? (under(path, CONTROL_PREFIX) ? 'control' : 'other');
}

/** Path relative to the service prefix ('/' when the prefix itself). */
export function relativePath(mod: ServiceModule, path: string): string {
	return path.slice(mod.prefix.length) || '/';
}

/** Default token-endpoint test: the last segment is `token` or `token.json`. */
export function looksLikeTokenEndpoint(relPath: string): boolean {
	return /\/token(\.json)?$/.test(relPath);
}

/** Names the log and the control API use besides the services' own. */
const RESERVED_NAMES = ['control', 'other'];

/** Throws when two hosted services would share a name or a prefix, or one would shadow the control API. */
export function checkModules(modules: readonly ServiceModule[]): void {
	const seen: ServiceModule[] = [];
	for (const mod of modules) {
		if (!mod.name || RESERVED_NAMES.includes(mod.name))
			throw new Error(`sandbox service name "${mod.name}" is reserved or empty`);
		if (!/^\/[\w.-]+$/.test(mod.prefix) || under(CONTROL_PREFIX, mod.prefix)) {
			throw new Error(
				`sandbox service "${mod.name}": prefix "${mod.prefix}" must be one path segment like "/acme", other than ${CONTROL_PREFIX}`,
			);
		}
		const clash = seen.find((m) => m.name === mod.name || m.prefix === mod.prefix);
		if (clash)
			throw new Error(
				`sandbox services "${clash.name}" and "${mod.name}" share a name or a prefix`,
			);
		seen.push(mod);
	}
}
