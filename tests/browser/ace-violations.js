// Prints one line per failed Ace rule in an Ace report.json ("RULE<TAB>FILE"), then
// "outcome<TAB>pass" or "outcome<TAB>fail" for the whole report.
// Usage: node tests/browser/ace-violations.js DIR/report.json
'use strict';
const fs = require('fs');

const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
for (const subject of report.assertions || []) {
  const file = (subject['earl:testSubject'] || {}).url || '';
  for (const assertion of subject.assertions || []) {
    if ((assertion['earl:result'] || {})['earl:outcome'] === 'fail') {
      console.log(`${assertion['earl:test']['dct:title']}\t${file}`);
    }
  }
}
console.log(`outcome\t${(report['earl:result'] || {})['earl:outcome']}`);
