import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // CDK synthesis bundles with esbuild; give those tests room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
