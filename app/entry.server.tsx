import { PassThrough } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { type EntryContext, ServerRouter } from "react-router";
import { ServerStyleSheet } from "styled-components";
import { catalogs } from "../src/i18n/translate.ts";
import { CatalogContext } from "./ui/i18n.ts";

// The server renders with every language's texts in memory; the browser fetches its own (entry.client.tsx).
const serverCatalogs = { catalogs };

// Pages are rendered whole before sending, so the Suomi.fi components'
// styled-components CSS can be put in <head>: no unstyled flash, and the page
// reads correctly with JavaScript off.
const renderTimeoutMs = 10_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
): Promise<Response> {
  const sheet = new ServerStyleSheet();
  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      sheet.collectStyles(
        <CatalogContext.Provider value={serverCatalogs}>
          <ServerRouter context={routerContext} url={request.url} />
        </CatalogContext.Provider>,
      ),
      {
        onAllReady() {
          const sink = new PassThrough();
          const chunks: Buffer[] = [];
          sink.on("data", (chunk: Buffer) => chunks.push(chunk));
          sink.on("end", () => {
            const html = Buffer.concat(chunks).toString("utf8").replace("</head>", `${sheet.getStyleTags()}</head>`);
            sheet.seal();
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            resolve(new Response(html, { status: responseStatusCode, headers: responseHeaders }));
          });
          pipe(sink);
        },
        onShellError(error) {
          sheet.seal();
          reject(error);
        },
        onError(error) {
          responseStatusCode = 500;
          console.error(error);
        },
      },
    );
    setTimeout(abort, renderTimeoutMs);
  });
}
