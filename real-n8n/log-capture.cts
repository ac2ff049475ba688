// n8n's output goes to a file (kept for post-mortems, path exposed) and its
// last lines to a ring buffer that error messages quote, so a failing test
// shows why n8n misbehaved without dumping megabytes of log.
import * as fs from 'node:fs';
import type { Readable } from 'node:stream';

export class LogCapture {
	private readonly lines: string[] = [];
	private partial = '';
	private readonly out: fs.WriteStream;
	private closed?: Promise<void>;

	constructor(
		readonly file: string,
		private readonly max = 200,
	) {
		this.out = fs.createWriteStream(file, { flags: 'a' });
	}

	attach(stream: Readable): void {
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			this.out.write(chunk);
			const parts = (this.partial + chunk).split('\n');
			this.partial = parts.pop() ?? '';
			for (const p of parts) this.push(p);
		});
	}

	/** The last `n` lines (default: all buffered), ANSI colours stripped. */
	tail(n = this.max): string {
		const all = this.partial ? [...this.lines, this.partial] : this.lines;
		return all.slice(-n).join('\n');
	}

	/** Idempotent: a failed start closes the file, and stop() may follow. */
	close(): Promise<void> {
		this.closed ??= new Promise((resolve) => this.out.end(() => resolve()));
		return this.closed;
	}

	private push(line: string): void {
		this.lines.push(line.replace(/\x1b\[[0-9;]*m/g, ''));
		if (this.lines.length > this.max) this.lines.shift();
	}
}
