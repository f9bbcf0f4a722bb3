/**
 * The I/O host: the one place that prints. Commands emit messages by catalog key; the host
 * translates and renders them as text, or collects a machine-readable result under --json.
 */
import { type MessageVars, t } from "./i18n.js";

export interface HostOptions {
  json?: boolean;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
}

export class IoHost {
  private readonly stdout: NodeJS.WritableStream;
  private readonly stderr: NodeJS.WritableStream;
  readonly json: boolean;

  constructor(opts: HostOptions = {}) {
    this.stdout = opts.stdout ?? process.stdout;
    this.stderr = opts.stderr ?? process.stderr;
    this.json = opts.json ?? false;
  }

  /** A translated line for people; suppressed under --json. */
  info(key: string, vars?: MessageVars): void {
    if (!this.json) this.stdout.write(`${t(key, vars)}\n`);
  }

  /** A translated error line, always on stderr. */
  error(key: string, vars?: MessageVars): void {
    this.stderr.write(`${t(key, vars)}\n`);
  }

  /** Text that is data, not prose (shell exports); printed as is. */
  data(text: string): void {
    this.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** The machine-readable result of a command under --json. */
  result(value: unknown): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
}
