// The one wrapper of every request handler, and the guard of notification handlers: never a crashed server.
// Malformed params are answered InvalidParams (-32602), a cancelled request RequestCancelled (-32800), and an
// exception is logged to the connection and answered as a JSON-RPC InternalError (-32603).
import {
  CancellationToken,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type ProtocolRequestType,
  type RequestHandler,
} from 'vscode-languageserver';
import { invalidParams } from './params';

export type RequestFn<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;
export type WrappedRequest<R> = (...args: unknown[]) => Promise<R | ResponseError<any>>;
/** Wraps a request handler of `method` (the matrix requests use it as it is; the server through `Requests`). */
export type RequestWrapper = <P, R>(method: string, fn: RequestFn<P, R>) => WrappedRequest<R>;

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');

/** Logs to the connection; a connection already gone has nothing left to tell. */
export function connectionLog(connection: Connection): (msg: string) => void {
  return (msg) => {
    try {
      connection.console.log(msg);
    } catch {
      // The connection is gone: nothing left to tell.
    }
  };
}

/**
 * A handler's arguments are the params then the token (then progress reporters, for `initialize`); vscode-jsonrpc
 * spreads positional params before the token, and a request without params gets the token alone.
 */
function paramsAndToken(args: unknown[]): { params: unknown; token: CancellationToken } {
  let at = args.length - 1;
  while (at >= 0 && !CancellationToken.is(args[at])) at--;
  if (at < 0) return { params: args[0], token: CancellationToken.None };
  return { params: at === 1 ? args[0] : at === 0 ? undefined : args.slice(0, at), token: args[at] as CancellationToken };
}

/**
 * The request wrapper of `connection`. `beforeRequest` is the test hook called before every handler runs (a throw
 * there is a handler exception). A handler may throw a ResponseError on purpose (cancelled): it is answered as is.
 */
export function requestWrapper(connection: Connection, beforeRequest?: (method: string) => void): RequestWrapper {
  return <P, R>(method: string, fn: RequestFn<P, R>): WrappedRequest<R> =>
    async (...args: unknown[]) => {
      const { params, token } = paramsAndToken(args);
      try {
        if (token.isCancellationRequested) return cancelled();
        beforeRequest?.(method);
        const bad = invalidParams(method, params);
        if (bad) return new ResponseError(ErrorCodes.InvalidParams, `srm: ${method}: ${bad}`);
        const r = await fn(params as P, token);
        if (token.isCancellationRequested) return cancelled();
        return r;
      } catch (e) {
        if (e instanceof ResponseError) return e; // deliberate (cancelled)
        const msg = e instanceof Error ? e.message : String(e);
        connection.console.error(`srm: ${method} failed: ${e instanceof Error && e.stack ? e.stack : msg}`);
        return new ResponseError(ErrorCodes.InternalError, `srm: ${method} failed: ${msg}`);
      }
    };
}

/** Registers wrapped request handlers on a connection, and guards notification handlers. */
export class Requests {
  readonly wrap: RequestWrapper;

  constructor(
    private readonly connection: Connection,
    beforeRequest?: (method: string) => void,
  ) {
    this.wrap = requestWrapper(connection, beforeRequest);
  }

  /**
   * Registers `fn` for a request type. Straight on `onRequest`, not `onHover` and the like: those read
   * `params.workDoneToken` before any handler runs, so `"params": null` would be answered InternalError.
   */
  on<P, R>(type: ProtocolRequestType<P, R, any, any, any>, fn: RequestFn<P, R>): void {
    // The wrapped handler answers R or a ResponseError, which is what RequestHandler allows; TypeScript cannot see it
    // through HandlerResult's conditional type while R is generic.
    this.connection.onRequest(type, this.wrap(type.method, fn) as RequestHandler<P, R, any>);
  }

  /** Wraps a notification handler: a throw is logged, never propagated. */
  guard<P>(method: string, fn: (params: P) => void | Promise<void>): (params: P) => void {
    return (params: P) => {
      try {
        const r = fn(params);
        if (r instanceof Promise) r.catch((e) => this.connection.console.error(`srm: ${method} failed: ${String(e)}`));
      } catch (e) {
        this.connection.console.error(`srm: ${method} failed: ${e instanceof Error && e.stack ? e.stack : String(e)}`);
      }
    };
  }
}
