// `npm run sandbox`: starts every registered emulator on one loopback port and stays up
// until SIGINT/SIGTERM. Flags set the switches; the control API changes them later.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type * as SandboxApi from './index.cjs';
import type { Sandbox, ServiceModule } from './index.cjs';

// tsx 4.23 on Node 20 runs a .cts entry through the ESM loader, whose require shim fails
// on JSON requires inside fastify's ajv; a real CJS require of the sandbox avoids that.
const { startSandbox, createServiceModules, DEFAULT_SWITCHES } = createRequire(__filename)(
	'./index.cjs',
) as typeof SandboxApi;

const HELP = `Usage: npm run sandbox -- [options]
  --port <n>               listen port on 127.0.0.1 (default 4780; 0 = any free port)
  --latency <ms>           added to every service response (default 0)
  --rate-limit <n>         requests per second per service, 429 + Retry-After beyond (default 0 = off)
  --rate-limit-headers     announce the limit in RateLimit / X-RateLimit-* headers (default off)
  --fault-rate <p>         probability 0..1 of an injected fault per service request (default 0)
  --fault-kinds <list>     comma list of 500,502,503,504,reset,slow (default all)
  --slow-ms <ms>           extra delay of a 'slow' fault (default ${DEFAULT_SWITCHES.slowMs})
  --fault-token-endpoints  let faults and the rate limit hit token endpoints too
  --token-ttl <s>          token lifetime in seconds (default ${DEFAULT_SWITCHES.tokenTtlSeconds})
  --quiet                  no access log
  --help`;

/** The banner's column of names, then each service's URL and how to use its demo credentials. */
const column = (title: string, first: string, more: string[] = []): string[] => [
	`  ${title.padEnd(14)}${first}`,
	...more.map((line) => `${' '.repeat(16)}${line}`),
];

function serviceLines(sb: Sandbox, modules: ReturnType<typeof createServiceModules>): string[] {
	return modules.flatMap((m) => {
		const mod: ServiceModule = m;
		const url = sb.urls[m.name];
		return column(mod.title, url, mod.usage?.(url, sb.demo[m.name]));
	});
}

function num(flag: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (!Number.isFinite(n)) throw new Error(`--${flag} expects a number, got "${value}"`);
	return n;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string' },
			latency: { type: 'string' },
			'rate-limit': { type: 'string' },
			'rate-limit-headers': { type: 'boolean' },
			'fault-rate': { type: 'string' },
			'fault-kinds': { type: 'string' },
			'slow-ms': { type: 'string' },
			'fault-token-endpoints': { type: 'boolean' },
			'token-ttl': { type: 'string' },
			quiet: { type: 'boolean' },
			help: { type: 'boolean' },
		},
		strict: true,
	});
	if (values.help) {
		console.log(HELP);
		return;
	}

	const switches = Object.fromEntries(
		Object.entries({
			latencyMs: num('latency', values.latency),
			rateLimitPerSecond: num('rate-limit', values['rate-limit']),
			rateLimitHeaders: values['rate-limit-headers'],
			faultRate: num('fault-rate', values['fault-rate']),
			faultKinds: values['fault-kinds']
				?.split(',')
				.map((k) => k.trim())
				.filter(Boolean),
			slowMs: num('slow-ms', values['slow-ms']),
			faultTokenEndpoints: values['fault-token-endpoints'],
			tokenTtlSeconds: num('token-ttl', values['token-ttl']),
		}).filter(([, v]) => v !== undefined),
	);

	const modules = createServiceModules();
	const sb = await startSandbox({
		modules,
		port: num('port', values.port) ?? 4780,
		switches,
		onRequestLogged: values.quiet
			? undefined
			: (e) =>
					console.log(
						`${e.at}  ${e.method} ${e.path} -> ${e.status || 'dropped'}${e.injected ? ` (${e.injected})` : ''}`,
					),
	});

	console.log(`Career-credentials sandbox on ${sb.origin}

${[...serviceLines(sb, modules), ...column('Control API', `${sb.urls.control}  (GET /state, POST /switches, POST /reset, GET /requests)`)].join('\n')}

In n8n, open each service's credential, choose the custom environment and set its base URL
to the service URL above (the whole URL, with any version path), with the demo credentials.

Switches: ${JSON.stringify(sb.switches)}
Ctrl+C stops the sandbox.`);

	let closing = false;
	const stop = (signal: string): void => {
		if (closing) process.exit(1);
		closing = true;
		console.log(`\n${signal}: closing the sandbox...`);
		sb.close().then(
			() => process.exit(0),
			(e: unknown) => {
				console.error('close failed:', e instanceof Error ? e.message : e);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
	const issues = (e as { issues?: Array<{ path: unknown[]; message: string }> }).issues;
	console.error(
		issues
			? `Invalid switch: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`
			: e instanceof Error
				? e.message
				: e,
	);
	process.exit(1);
});
