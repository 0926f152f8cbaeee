/** Two projects: unit tests (pure logic, injected dependencies) and end-to-end tests of the committed dist/. */
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  }
};

/** @type {import('jest').Config} */
export default {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', roots: ['<rootDir>/__tests__/unit'] },
    { ...common, displayName: 'e2e', roots: ['<rootDir>/__tests__/e2e'], globalSetup: '<rootDir>/test-support/check-dist.mjs' }
  ]
};
