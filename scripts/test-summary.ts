// Prints one closing line over every vitest run: "Tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

type Report = { numPassedTests: number; numFailedTests: number; numFailedTestSuites?: number };

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    failed += 1;
    console.error(`missing test report ${file}`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
}
console.log(`Tests: ${passed} passed, ${failed} failed`);
