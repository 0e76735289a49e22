#!/usr/bin/env node
// The `forcewatch` command: runs the TypeScript CLI through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../adapters/cli/main.ts');
