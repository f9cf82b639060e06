/**
 * The extension's own config, built unminified into .output-bench-profile so a CPU profile of the
 * workbench names real functions (`npx wxt build -c bench/wxt.profile.config.ts`, used by bench/profile.ts).
 */
import type { UserConfig } from 'wxt';
import base from '../wxt.config';

const baseVite = base.vite;
const config: UserConfig = {
  ...base,
  outDir: '.output-bench-profile',
  vite: (env) => {
    const v = baseVite ? baseVite(env) : {};
    return { ...v, build: { ...(v as { build?: object }).build, minify: false } };
  },
};
export default config;
