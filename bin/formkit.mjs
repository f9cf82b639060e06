#!/usr/bin/env node
// `formkit` bin entry: registers tsx so the TypeScript CLI runs as-is (no build step), then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./formkit.ts');
