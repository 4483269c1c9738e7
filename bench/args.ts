/** The command line's flags and the environment's numbers, as the separate benches (newsletter, publishing, wall page) read them. */
const args = process.argv.slice(2);

/** Whether `--flag` was given. */
export const hasFlag = (flag: string) => args.includes(flag);

/** The value after `--flag`, if given. */
export const argValue = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};

/** A positive whole number from the environment, else the fallback. */
export const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
