// Lint: typescript-eslint's recommended rules everywhere, plus the type-aware rules that catch
// real bugs in async netcode (promises dropped or misused) at a cost we can pay on every `npm test`.
// Formatting is Prettier's business (eslint-config-prettier turns off the rules it owns).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// The simulation in shared/ must give the same bits in every engine (docs/netcode.md, "Determinism"). ECMAScript lets each
// engine approximate these Math functions, and `**` (Math.pow) its own way: shared/sim/deterministicMath.ts has exact-op versions.
const APPROXIMATED_MATH = ["sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh"].concat([
  "exp",
  "expm1",
  "log",
  "log1p",
  "log2",
  "log10",
  "pow",
  "cbrt",
  "hypot",
  "random",
]);
const DETERMINISM_MESSAGE =
  "is not bit-identical across JavaScript engines: the simulation uses shared/sim/deterministicMath.ts (sin, cos, atan2, hypot, pow, exp, log) and seeded shared/sim/rng.ts";

export default tseslint.config(
  { ignores: ["node_modules/", "web/dist/", "bench/results/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["shared/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...APPROXIMATED_MATH.map((property) => ({ object: "Math", property, message: `Math.${property} ${DETERMINISM_MESSAGE}` })),
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "BinaryExpression[operator='**']", message: `\`**\` (Math.pow) ${DETERMINISM_MESSAGE}` },
        { selector: "AssignmentExpression[operator='**=']", message: `\`**=\` (Math.pow) ${DETERMINISM_MESSAGE}` },
        { selector: "MemberExpression[object.name='Math'][computed=true]", message: `Math[…] ${DETERMINISM_MESSAGE}` },
        { selector: "VariableDeclarator[init.name='Math']", message: `Taking functions out of Math ${DETERMINISM_MESSAGE}` },
      ],
    },
  },
  { files: ["web/src/**/*.tsx"], plugins: { "react-hooks": reactHooks }, rules: reactHooks.configs.recommended.rules },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: {
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" },
    },
  },
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  prettier,
  // After Prettier's config, which turns max-len off: Prettier wraps code at 140, this holds comments to it too.
  {
    rules: {
      "max-len": ["error", { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
);
