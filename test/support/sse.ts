export interface SseEvent {
  id: number;
  event: string;
  data: Record<string, unknown>;
}

/**
 * A real SSE client over fetch: collects events as they arrive, so a test can
 * wait for the one it expects.
 */
export async function openStream(url: string, init: { cookie?: string; lastEventId?: number } = {}) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: {
      accept: "text/event-stream",
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.lastEventId !== undefined ? { "last-event-id": String(init.lastEventId) } : {}),
    },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let buffer = "";
  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    try {
      const reader = response.body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        buffer += decoder.decode(read.value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            frame
              .split("\n")
              .filter((line) => line && !line.startsWith(":"))
              .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trimStart()]),
          );
          if (fields.data === undefined) continue;
          events.push({ id: Number(fields.id), event: fields.event ?? "message", data: JSON.parse(fields.data) });
          for (const wake of waiters.splice(0)) wake();
        }
      }
    } catch {
      // Aborted by close(): the stream simply ends.
    }
  })();
  return {
    status: response.status,
    events,
    /** Waits until an event matches (default 3 s). */
    async waitFor(match: (e: SseEvent) => boolean, timeoutMs = 3000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    async close() {
      controller.abort();
      await reading;
    },
  };
}
