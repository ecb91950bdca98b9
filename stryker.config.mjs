// @ts-check
/**
 * `npm run mutation`: mutation testing of the safety modules (README, "Mutation testing").
 * Each mutant is a small plausible bug; a mutant that no test notices is a hole in the suite.
 *
 * Mutated: report escaping and formula neutralising, redaction, export verification (in the
 * core and the CLI's on-disk re-read), the report CSP, `serve`'s guards, the IPC sender checks,
 * the store's atomic write, lock, quarantine, attachments and migrations, and the .ccat exchange's
 * import checks: the JSON parse that refuses prototype keys and deep nesting, the zip reader's
 * limits and entry names, the manifest and signature format, the import pipeline, trust and lineage,
 * the age encryption (its cap on the passphrase cost a file may ask for) and the installation key
 * (owner-only files, never overwritten, never remade on its own).
 *
 * Equivalent mutants (no behaviour can tell them from the original) are marked at their site
 * with `// Stryker disable next-line <mutator>: <reason>` and listed here:
 *
 * - electron/ipc.ts, trustedSender `contents !== undefined` → true: a sender is always a
 *   WebContents, so without a main window `event.sender === contents` is false anyway.
 * - core/report/verify.ts, `ragged >= 0` → `> 0`: row 0 sets the width, it is never ragged.
 * - cli/serve.ts, `request.url ?? '/'` with another fallback string: Node's server always sets
 *   request.url (no coverage).
 * - cli/serve.ts, `request.headers.authorization ?? ''` with another fallback string: any text
 *   that is not "Bearer <token>" is refused alike.
 * - cli/serve.ts, `let hosts: string[] = []` with another initial entry: the list is replaced
 *   before the server listens, so no request can see it.
 * - cli/serve.ts, marked at their sites: the Host header's fallback text, the 401 path's bundle flag,
 *   the HEAD answer's body, readBody keeping chunks past the limit and its `kind: 'bytes'`, the
 *   upload query's `/^\?/`, the static cache's hit test, entry and body check, brotli's settings,
 *   the ETag's length, listen's address test, drainLimitBytes' `4 * maxJsonBodyBytes`. Unmarked:
 *   pickEncoding's `?? ''` (no header offers no encoding, whatever stands in for it; marking it would
 *   hide the killed "," and ";" beside it).
 * (serve's `relative === ''` check, equivalent because a URL path is never empty, was removed; so was
 * its socket.destroy() after an undrained 413: "Connection: close" already makes Node close the socket.)
 *
 * Survivors that are not equivalent, accepted because killing them takes a request of 256 MB or more
 * (the same comparisons are tested at the JSON and attachment limits, which are small):
 * - cli/serve.ts: `maxBundleUploadBytes`' `+ maxBundleFieldsBytes` → `-`; drainLimitBytes' Math.max →
 *   Math.min; readBody's `size > drainLimitBytes` (a body streamed past 256 MB without a Content-Length)
 *   → false or `>=`, and its tooLarge(false) → true (no coverage).
 *
 * Equivalent survivors left unmarked, because a disable comment on their line would also hide
 * the mutants beside them that the tests do kill:
 * - core/report/verify.ts, unescapeXml's `?? ''` fallback: unreachable, the pattern matches only
 *   the five entity names of the table (no coverage).
 * - core/report/verify.ts, JSON `typeof value !== 'object'` → false: a string, number or boolean
 *   has no string `id` either, so the same rule refuses it.
 * - core/report/verify.ts, describeCheck's `check.detail ?? ''` (XLSX) and `check.id ?? ''` (JSON)
 *   with another fallback: unreachable, those checks always carry a detail and an id (no coverage).
 * - core/bundle/lineage.ts, isPrefix's `shorter.length <= longer.length` → true: comparing past the
 *   end meets undefined, which never equals an entry, so the answer is the same.
 * - core/bundle/open.node.ts: parseEntry's `!(error instanceof CoreError)` → false and its
 *   `details?.reason ?? 'not-json'` (the safe JSON parser throws only CoreErrors, always with a
 *   reason); strictAssessment's `typeof version !== 'number'` → false (Number.isInteger refuses the
 *   same values); checkDigests' size half (a different size always gives another SHA-256);
 *   checkSignature's catch for an invalid key (no coverage: 43 base64 characters and "=" always
 *   decode to 32 bytes, which Node accepts as an Ed25519 key).
 * - core/bundle/trust.node.ts: list's `operation: 'read'` with another text (anything but 'write'
 *   reads "read"); `existing === undefined` → true and `s.fingerprint !== incoming.fingerprint` →
 *   true (a stored fingerprint is handled before the clash test).
 * - core/bundle/zip.node.ts: writeZip's `'error'` listener name (yazl emits no error for data in
 *   memory); the `finally` close and `autoClose: true` (a buffer-backed zip holds no file);
 *   `error || !zip` / `error || !stream` → `&&` (yauzl gives either an error or a result); the
 *   `settled` guards (settling a promise twice is ignored); damaged()'s `entry === undefined`
 *   (an undefined entry is dropped from the details alike); `error?.message` → `error.message` in
 *   the two refusals (they run only with an error, for the same reason).
 * - core/bundle/open.node.ts, describing a refused manifest: `first?.path` and its `?? ''` (a failed
 *   parse always has a first issue; no coverage for the fallback).
 * - core/store/atomic-write.node.ts: syncDirectory's two `?? ''` fallbacks with another text (no
 *   code matches no unsupported code, whatever stands in for it); ensureFolderDurably's
 *   `dirname(created) === created` → false (mkdir reports the first folder it created, an ancestor
 *   of the one asked for, so the loop stops there before the root).
 * - core/store/lock.node.ts: readText's and readOwner's `catch` blocks emptied (both then return
 *   undefined, as they do); bootId's `?.trim()` → `.trim()` (differs only where
 *   /proc/sys/kernel/random/boot_id is missing, never on the Linux machines tests run on);
 *   `options.settleMs ?? 100` → `&&` (only how long the wait for a half-written lock lasts).
 * - core/store/attachments.node.ts: read's `operation: 'read'` with another text (anything but
 *   'write' reads "read").
 * - core/store/lock.node.ts: startStampFromStat's `ticks === undefined` → false (RegExp's test of
 *   undefined reads the text "undefined", which has no digits: undefined is answered alike);
 *   acquireStoreLock's `takenOver === undefined` → false (the lock then carries `takenOver: undefined`,
 *   which every reader takes for no takeover).
 * - core/store/migrations.ts: `typeof stored !== 'number'` → false (Number.isInteger refuses every
 *   non-number alike; the typeof is there for TypeScript).
 * - cli/serve.ts: the request's Content-Type `?? ''` with another fallback text (no Content-Type is not
 *   "application/octet-stream", whatever stands in for it).
 * - core/bundle/encryption.ts: decryptBundle's `fatal: true` for armored files (an armored file that is
 *   not UTF-8 is refused as damaged either way: the armor decoder refuses the replacement characters;
 *   only the quoted cause differs); `unlock.passphrase !== undefined && scrypt !== undefined` made
 *   true or `||` (age tries a passphrase only on a scrypt stanza, and a scrypt file without a passphrase
 *   is refused before); headerStanzas without its `startsWith('-> ')` filter (no other header line,
 *   cut by three characters, begins with the word "scrypt" and a space) and with `end < 0` → false or
 *   `<=` (only a text with no header end, which the decrypter refuses, loses its last character).
 * - core/bundle/keys.node.ts: parsePublicKeyFile's catch for an invalid key (no coverage: 43 base64
 *   characters and "=" always decode to 32 bytes, which Node accepts as an Ed25519 key).
 * - core/bundle/encryption.ts: meaningfulLines' `/\r?\n/` → `/\n/` (each line is trimmed after the split,
 *   which removes the "\r" alike).
 * - cli/serve.ts, uploadPayload's `name = ''` and `value = ''` defaults with another text (no
 *   coverage): a non-empty query part always splits into a name, so the first is unreachable; the
 *   second turns a bare "?field" into that text, a value the request could as well have spelt out,
 *   which the command's schema then checks like any other.
 *
 * Marked at their sites, and not equivalent but killed in fact: a wrong encoding name for the strict
 * UTF-8 decoders of serve, the .ccat reader and the zip reader makes the module throw as it loads,
 * which fails every test importing it (checked by hand), but Stryker's vitest runner sees a test file
 * that could not load as no failed test and reports the mutant survived.
 *
 * Mutants in code that runs when a module loads (schema patterns, constants) are "static": Stryker
 * cannot tell which tests cover them, so an incremental run keeps their old "survived" even after a
 * new test kills them. Retest them with --force on their lines, e.g.
 * `npm run mutation -- --force --mutate cli/serve.ts:245-245`, before listing one here.
 */
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'core/report/escape.ts',
    'core/report/neutralise.ts',
    'core/report/csv.ts',
    'core/report/redact.ts',
    'core/report/sections/sessions.ts',
    'core/report/render-xlsx.ts',
    'core/report/csp.ts',
    'core/report/verify.ts',
    'cli/commands/verify-export.ts',
    'cli/serve.ts',
    'electron/ipc.ts',
    'core/store/atomic-write.node.ts',
    'core/store/lock.node.ts',
    'core/store/quarantine.node.ts',
    'core/store/attachments.node.ts',
    'core/store/migrations.ts',
    'core/json/safe-parse.ts',
    'core/bundle/zip.node.ts',
    'core/bundle/format.ts',
    'core/bundle/open.node.ts',
    'core/bundle/signature-entry.node.ts',
    'core/bundle/trust.node.ts',
    'core/bundle/lineage.ts',
    'core/bundle/encryption.ts',
    'core/bundle/keys.node.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  // One TypeScript checker and one test runner: a third process would go to a second checker.
  concurrency: 2,
  incremental: true,
  // Committed: every mutant's last result, so a run on a fresh clone tests only what changed (README).
  incrementalFile: 'tests/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  timeoutMS: 20_000,
  // Generous: the initial run executes every listed test file in one runner.
  dryRunTimeoutMinutes: 15,
  tempDirName: '.stryker-tmp',
  // dist/cli stays: CLI tests run the built CLI (as users do); no mutant is active in a spawned process anyway.
  ignorePatterns: ['dist/renderer', 'dist/electron', 'release', 'artifacts', 'reports', 'coverage'],
};
