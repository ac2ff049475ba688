// One way to run a child process with a hard time bound and captured output,
// so no harness step can hang a test run or a CI job.
import { spawn } from 'node:child_process';

export interface ExecOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	timeoutMs: number;
	/** Called with each complete output line (stdout and stderr), e.g. for progress. */
	onLine?: (line: string) => void;
}

export interface ExecResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export function exec(cmd: string, args: string[], opts: ExecOptions): Promise<ExecResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd: opts.cwd,
			env: opts.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		const lineSplitter = () => {
			let rest = '';
			return (chunk: string) => {
				if (!opts.onLine) return;
				const lines = (rest + chunk).split('\n');
				rest = lines.pop() ?? '';
				for (const l of lines) if (l.trim()) opts.onLine(l);
			};
		};
		const outLines = lineSplitter();
		const errLines = lineSplitter();
		child.stdout.setEncoding('utf8').on('data', (c: string) => ((stdout += c), outLines(c)));
		child.stderr.setEncoding('utf8').on('data', (c: string) => ((stderr += c), errLines(c)));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new Error(
					`${cmd} ${args.join(' ')} timed out after ${opts.timeoutMs} ms\n${tail(stderr || stdout)}`,
				),
			);
		}, opts.timeoutMs);
		child.on('error', (e) => (clearTimeout(timer), reject(e)));
		child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
	});
}

/** Like exec, but a non-zero exit is an error carrying the output's tail. */
export async function execOk(cmd: string, args: string[], opts: ExecOptions): Promise<ExecResult> {
	const r = await exec(cmd, args, opts);
	if (r.code !== 0) {
		throw new Error(
			`${cmd} ${args.join(' ')} exited with ${r.code}\n${tail(r.stderr + '\n' + r.stdout)}`,
		);
	}
	return r;
}

export function tail(text: string, lines = 40): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}
