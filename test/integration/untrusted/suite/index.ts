/// <reference types="mocha" />
// The Workspace Trust suite's entry point (extensionTestsPath), opened in test/integration/untrusted/workspace/:
// the same runner as the main suite (test/integration/suite/index.ts), which runs every compiled *.test.js
// beside this file, here out/test/integration/untrusted/suite/.
export { run } from '../../suite/index';
