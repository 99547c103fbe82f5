import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next*/**", ".data/**", "lib/generated/**", "node_modules/**", "next-env.d.ts", "test-results*/**", "playwright-report/**"] },
  ...nextVitals,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-assertions": ["error", { assertionStyle: "as", objectLiteralTypeAssertions: "never" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "error",
    },
  },
  {
    // The collection pipeline is below the server layer: lib/server may start a run, a run never
    // reaches back into lib/server (docs/architecture.md). A path rule, so aliases and relative
    // imports are both caught.
    files: ["lib/collect/**/*.ts"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: [{ target: "./lib/collect", from: "./lib/server", message: "lib/collect must not import lib/server: move the shared code down (lib/collect, lib/domain, lib/db)." }] }],
    },
  },
);
