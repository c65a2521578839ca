// Adds up vitest JSON reports and prints the closing line CI reads: "N passed, N failed".
// Above it, each failed test with its file and the first lines of its error, so a red run
// says what broke even when only the tail of the log is kept.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.log(`(no report at ${file})`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  // A file that fails to load has no failed test but a failed suite: count it once.
  failed += report.numFailedTests > 0 ? report.numFailedTests : (report.numFailedTestSuites ?? 0);
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  for (const suite of report.testResults ?? []) {
    const path = String(suite.name ?? '').replace(process.cwd() + '/', '');
    const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) {
      failures.push({
        where: `${path} > ${test.fullName ?? test.title}`,
        message: (test.failureMessages ?? []).join('\n'),
      });
    }
    if (failedTests.length === 0 && suite.status === 'failed') {
      failures.push({
        where: `${path} (the file failed to load or a hook failed)`,
        message: suite.message ?? '',
      });
    }
  }
}
if (failures.length > 0) {
  console.log(`== ${failures.length} failure(s) in ${process.argv.slice(2).join(', ')}:`);
  for (const failure of failures) {
    console.log(`-- ${failure.where}`);
    const lines = failure.message
      .split('\n')
      .filter((line) => !line.includes('node_modules'))
      .slice(0, 12);
    for (const line of lines) console.log(`   ${line.slice(0, 200)}`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
