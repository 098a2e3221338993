/** `--name value` or `--name=value` from argv; the first bare argument is returned as `_`. */
export function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2);
      args[name] = inline ?? argv[++i] ?? "";
    } else if (args._ === undefined) {
      args._ = arg;
    }
  }
  return args;
}
