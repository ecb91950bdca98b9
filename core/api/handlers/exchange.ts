import { fromBase64 } from '../../report/bytes';
import type { ApiHandlers } from '../dispatch';
import { CoreError } from '../result';
import type { HandlerContext } from './services';

type ExchangeCommands =
  | 'getInstallationKey'
  | 'renameInstallation'
  | 'exportBundle' | 'inspectBundle' | 'importBundle' | 'listSigners' | 'trustSigner' | 'renameSigner' | 'removeSigner';

function unlockOf(input: { identities?: string[] | undefined; passphrase?: string | undefined }) {
  return { ...(input.identities ? { identities: input.identities } : {}), ...(input.passphrase === undefined ? {} : { passphrase: input.passphrase }) };
}

function bytesOf(contentBase64: string): Uint8Array {
  try {
    return fromBase64(contentBase64);
  } catch {
    throw new CoreError('INVALID_INPUT', 'contentBase64: the file content is not valid base64.');
  }
}

export function exchangeHandlers(ctx: HandlerContext): Pick<ApiHandlers, ExchangeCommands> {
  const { exchange } = ctx;
  return {
    getInstallationKey: () => exchange.installationKey(),
    renameInstallation: ({ name }) => exchange.renameInstallation(name),
    exportBundle: ({ ids, recipients, passphrase, redact, by }) =>
      exchange.exportBundle({ ids, recipients, redact, ...(passphrase === undefined ? {} : { passphrase }), ...(by === undefined ? {} : { by }) }),
    inspectBundle: (input) => exchange.inspectBundle(bytesOf(input.contentBase64), unlockOf(input)),
    importBundle: (input) =>
      exchange.importBundle({
        bytes: bytesOf(input.contentBase64),
        ...unlockOf(input),
        trustNewSigner: input.trustNewSigner,
        keepDivergedAsCopy: input.keepDivergedAsCopy,
        ...(input.by === undefined ? {} : { by: input.by }),
      }),
    listSigners: () => exchange.listSigners(),
    trustSigner: ({ publicKeyFile }) => exchange.trustSigner(publicKeyFile),
    renameSigner: ({ fingerprint, name }) => exchange.renameSigner(fingerprint, name),
    removeSigner: async ({ fingerprint }) => {
      await exchange.removeSigner(fingerprint);
      return { removed: fingerprint };
    },
  };
}
