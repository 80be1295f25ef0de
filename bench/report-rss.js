// Preloaded into a benchmarked child process: prints its peak resident memory (KiB) on exit, for the parent to read.
process.on('exit', () => process.stderr.write(`\nMAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
