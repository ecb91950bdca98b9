import type { CommandInput, CommandName, CommandResults } from '../core/api/commands';
import type { ApiError, Result } from '../core/api/result';
import { toBase64 } from '../core/report/bytes';

/** What the Electron preload exposes as `window.ccat`: one method per command. */
export type Bridge = { [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandResults[K]>> };

declare global {
  interface Window {
    ccat?: Bridge;
  }
}

const tokenKey = 'ccat.serveToken';

/**
 * `cli serve` passes its per-launch token in the address fragment (never sent over the wire);
 * keep it for this tab and take it out of the visible address.
 */
export function adoptServeToken(): void {
  const match = /^#token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
}

/**
 * A restarted `serve` on the same port prints an address that differs from the open one only
 * after `#`: opening it in the same tab changes the fragment without loading the page again.
 * Registered before the router's listener, so the router already sees the cleaned-up `#/`.
 */
export function followServeToken(): void {
  adoptServeToken();
  window.addEventListener('hashchange', adoptServeToken);
}

async function postToServe<T>(path: string, contentType: string, body: BodyInit): Promise<Result<T>> {
  adoptServeToken(); // a new address may have arrived since the last hashchange was handled
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Authorization: `Bearer ${sessionStorage.getItem(tokenKey) ?? ''}` },
      body,
    });
    if (response.status === 401) {
      // A missing or outdated token (serve was restarted): the page must be reopened, the input was fine.
      const { error } = (await response.json()) as { error: ApiError };
      return { ok: false, error: { ...error, details: { session: true } } };
    }
    return (await response.json()) as Result<T>;
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: (error as Error).message, details: { network: true } } };
  }
}

function viaServe<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandResults[K]>> {
  return postToServe(`/api/${name}`, 'application/json', JSON.stringify(input));
}

/**
 * addAttachment with the file's bytes. `serve` takes them as they are (cli/serve.ts): as base64
 * inside JSON a 25 MB file would grow to 33 MB and cost the browser a copy of it as text.
 */
export function addAttachment(input: Omit<CommandInput<'addAttachment'>, 'contentBase64'>, bytes: Uint8Array<ArrayBuffer>): Promise<Result<CommandResults['addAttachment']>> {
  const bridge = window.ccat;
  if (bridge) return bridge.addAttachment({ ...input, contentBase64: toBase64(bytes) });
  const fields = Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return postToServe(`/api/addAttachment?${new URLSearchParams(fields).toString()}`, 'application/octet-stream', bytes);
}

type BundleCommand = 'inspectBundle' | 'importBundle';

/**
 * inspectBundle / importBundle with a .ccat file's bytes. `serve` takes the other fields as one
 * line of JSON followed by the raw file (cli/serve.ts `bundleUploadPaths`): fields that may hold a
 * passphrase stay out of the address, and a 100 MB file does not become a 133 MB string.
 */
export function sendBundle<K extends BundleCommand>(name: K, input: Omit<CommandInput<K>, 'contentBase64'>, bytes: Uint8Array<ArrayBuffer>): Promise<Result<CommandResults[K]>> {
  const bridge = window.ccat;
  if (bridge) return (bridge[name] as (input: CommandInput<K>) => Promise<Result<CommandResults[K]>>)({ ...input, contentBase64: toBase64(bytes) } as CommandInput<K>);
  return postToServe(`/api/${name}`, 'application/octet-stream', new Blob([`${JSON.stringify(input)}\n`, bytes]));
}

/** The one door from the UI to the core: the preload bridge in Electron, the `serve` transport in a browser. */
export function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandResults[K]>> {
  const bridge = window.ccat;
  if (bridge) return bridge[name](input);
  return viaServe(name, input);
}

/** For screens that only proceed on success: throws the API error so a boundary can show it. */
export async function request<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResults[K]> {
  const result = await call(name, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.data;
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}
