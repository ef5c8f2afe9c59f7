/** The shape of one CLI command: src/cli/commands/<name>.ts exports `command`. */
export interface Command {
  name: string;
  /** One line for `parley --help`. */
  summary: string;
  /** Full usage text for `parley <name> --help`. */
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

/** Print to stderr with the command's prefix. */
export function warn(msg: string): void {
  process.stderr.write(`parley: ${msg}\n`);
}
