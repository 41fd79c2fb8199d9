import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour only on a TTY, never with NO_COLOR (any value) or --no-color. chalk 5 ignores NO_COLOR
 * when stdout is a TTY, so the level is decided here and one instance is built.
 */
export function makeChalk(stream: NodeJS.WriteStream, colorFlag: boolean, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const enabled = colorFlag && !noColor && stream.isTTY === true && env.TERM !== 'dumb';
  return new Chalk({ level: enabled ? (env.COLORTERM === 'truecolor' ? 3 : 2) : 0 });
}
