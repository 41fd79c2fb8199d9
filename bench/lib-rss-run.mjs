// Runs the built CLI in this process and prints its peak RSS (KB) as the last stderr line.
import { main } from '../dist/cli/main.js';

const code = await main(process.argv);
process.stderr.write(`\nmaxrss_kb ${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
