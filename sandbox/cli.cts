// `npm run sandbox`: starts the three emulators on one loopback port and stays up
// until SIGINT/SIGTERM. Flags set the switches; the control API changes them later.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type * as SandboxApi from './index.cjs';

// tsx 4.23 on Node 20 runs a .cts entry through the ESM loader, whose require shim fails
// on JSON requires inside fastify's ajv; a real CJS require of the sandbox avoids that.
const { startSandbox, DEFAULT_SWITCHES } = createRequire(__filename)('./index.cjs') as typeof SandboxApi;

const HELP = `Usage: npm run sandbox -- [options]
  --port <n>               listen port on 127.0.0.1 (default 4780; 0 = any free port)
  --latency <ms>           added to every service response (default 0)
  --rate-limit <n>         requests per second per service, 429 + Retry-After beyond (default 0 = off)
  --fault-rate <p>         probability 0..1 of an injected fault per service request (default 0)
  --fault-kinds <list>     comma list of 500,502,503,504,reset,slow (default all)
  --slow-ms <ms>           extra delay of a 'slow' fault (default ${DEFAULT_SWITCHES.slowMs})
  --fault-token-endpoints  let faults and the rate limit hit token endpoints too
  --token-ttl <s>          token lifetime in seconds (default ${DEFAULT_SWITCHES.tokenTtlSeconds})
  --quiet                  no access log
  --help`;

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
			faultRate: num('fault-rate', values['fault-rate']),
			faultKinds: values['fault-kinds']?.split(',').map((k) => k.trim()).filter(Boolean),
			slowMs: num('slow-ms', values['slow-ms']),
			faultTokenEndpoints: values['fault-token-endpoints'],
			tokenTtlSeconds: num('token-ttl', values['token-ttl']),
		}).filter(([, v]) => v !== undefined),
	);

	const sb = await startSandbox({
		port: num('port', values.port) ?? 4780,
		switches,
		onRequestLogged: values.quiet
			? undefined
			: (e) => console.log(`${e.at}  ${e.method} ${e.path} -> ${e.status || 'dropped'}${e.injected ? ` (${e.injected})` : ''}`),
	});

	const { demo, urls } = sb;
	console.log(`Career-credentials sandbox on ${sb.origin}

  SEEK Pass     ${urls.seekPass}
                client id ${demo.seekPass.clientId}   client secret ${demo.seekPass.clientSecret}
                token: POST ${urls.seekPass}/api/partner/v1/oauth/token.json (form body)
  SmartResume   ${urls.smartResume}
                client id ${demo.smartResume.clientId}   access key ${demo.smartResume.accessKey}
                token: POST ${urls.smartResume}/api/v1/token (Basic client id:access key)
  Certifier     ${urls.certifier}
                access token ${demo.certifier.accessToken}   Certifier-Version ${demo.certifier.version}
  Control API   ${urls.control}  (GET /state, POST /switches, POST /reset, GET /requests)

In n8n, open each service's credential, choose the custom environment and set its base URL
to the service URL above (Certifier: the .../certifier/v1 URL), with the demo credentials.

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
	console.error(issues ? `Invalid switch: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` : e instanceof Error ? e.message : e);
	process.exit(1);
});
