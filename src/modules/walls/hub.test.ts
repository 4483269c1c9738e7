import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { type OutgoingChange, sseFrame, WallHub } from "./hub.ts";

/** A stand-in for Node's response that records what was written, with a settable send buffer. */
function fakeResponse(buffered = 0) {
  const written: string[] = [];
  let ended = false;
  const response = {
    writableLength: buffered,
    write(chunk: string) {
      written.push(chunk);
      return true;
    },
    end() {
      ended = true;
    },
  };
  return { response: response as unknown as ServerResponse, written, ended: () => ended, state: response };
}

const change = (seq: number, publicPayload: unknown = { type: "post", n: seq }): OutgoingChange => ({
  seq,
  publicFrame: publicPayload === null ? null : sseFrame(seq, "change", publicPayload),
  moderatorFrame: sseFrame(seq, "change", { type: "post", n: seq, moderator: true }),
});

describe("the wall hub", () => {
  it("replays what a subscriber missed, then sends live changes once each, in order", async () => {
    const log: OutgoingChange[] = [change(1), change(2), change(3)];
    const hub = new WallHub(
      async (_wall, after) => log.filter((c) => c.seq > after),
      () => {},
    );
    const client = fakeResponse();
    await hub.subscribe("w", { response: client.response, moderator: false, lastSeq: 1, pending: null }, 3);
    log.push(change(4), change(5));
    hub.notify("w");
    hub.notify("w");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(client.written.map((f) => /^id: (\d+)/.exec(f)?.[1])).toEqual(["2", "3", "4", "5"]);
  });

  it("sends moderators what the public stream leaves out", async () => {
    const log: OutgoingChange[] = [change(1, null)];
    const hub = new WallHub(
      async (_wall, after) => log.filter((c) => c.seq > after),
      () => {},
    );
    const visitor = fakeResponse();
    const moderator = fakeResponse();
    // The wall's newest seq is 1: both resume from 0 and are replayed the one change.
    await hub.subscribe("w", { response: visitor.response, moderator: false, lastSeq: 0, pending: null }, 1);
    await hub.subscribe("w", { response: moderator.response, moderator: true, lastSeq: 0, pending: null }, 1);
    expect(visitor.written).toEqual([]);
    expect(moderator.written).toHaveLength(1);
  });

  it("seats a subscriber at the newest seq without reading the log, and sends it what follows", async () => {
    const log: OutgoingChange[] = [change(1), change(2)];
    const reads: number[] = [];
    const hub = new WallHub(
      async (_wall, after) => {
        reads.push(after);
        return log.filter((c) => c.seq > after);
      },
      () => {},
    );
    const first = fakeResponse();
    const second = fakeResponse();
    const woken = hub.wakeCount();
    await hub.subscribe("w", { response: first.response, moderator: false, lastSeq: 2, pending: null }, 2, woken);
    await hub.subscribe("w", { response: second.response, moderator: false, lastSeq: 2, pending: null }, 2, woken);
    expect(reads).toEqual([]);
    log.push(change(3));
    hub.notify("w");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).toEqual([2]);
    // Behind what the hub has already broadcast here: the log is read for what it missed.
    const late = fakeResponse();
    await hub.subscribe("w", { response: late.response, moderator: false, lastSeq: 2, pending: null }, 2);
    expect(reads).toEqual([2, 2]);
    for (const client of [first, second, late])
      expect(client.written.map((f) => /^id: (\d+)/.exec(f)?.[1])).toEqual(["3"]);
  });

  it("does not miss a change whose wake came while the wall had no streams, between the read and the subscribe", async () => {
    const log: OutgoingChange[] = [change(1)];
    const hub = new WallHub(
      async (_wall, after) => log.filter((c) => c.seq > after),
      () => {},
    );
    const woken = hub.wakeCount();
    // The stream read the newest seq (1); then seq 2 committed and its wake found no channel here.
    log.push(change(2));
    hub.notify("w");
    const client = fakeResponse();
    await hub.subscribe("w", { response: client.response, moderator: false, lastSeq: 1, pending: null }, 1, woken);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(client.written.map((f) => /^id: (\d+)/.exec(f)?.[1])).toEqual(["2"]);
  });

  it("skips a change whose content a later one replaced, for either audience, and still counts its seq", async () => {
    const scrubbed: OutgoingChange = { seq: 2, publicFrame: null, moderatorFrame: null };
    const log: OutgoingChange[] = [change(1), scrubbed, change(3)];
    const hub = new WallHub(
      async (_wall, after) => log.filter((c) => c.seq > after),
      () => {},
    );
    const visitor = fakeResponse();
    const moderator = fakeResponse();
    const visitorState = { response: visitor.response, moderator: false, lastSeq: 0, pending: null };
    const moderatorState = { response: moderator.response, moderator: true, lastSeq: 0, pending: null };
    await hub.subscribe("w", visitorState, 3);
    await hub.subscribe("w", moderatorState, 3);
    const ids = (written: string[]) => written.map((f) => /^id: (\d+)/.exec(f)?.[1]);
    expect(ids(visitor.written)).toEqual(["1", "3"]);
    expect(ids(moderator.written)).toEqual(["1", "3"]);
    expect([visitorState.lastSeq, moderatorState.lastSeq]).toEqual([3, 3]);
  });

  it("cuts off a subscriber whose socket is not keeping up, instead of buffering for it", async () => {
    const log: OutgoingChange[] = [];
    const hub = new WallHub(
      async (_wall, after) => log.filter((c) => c.seq > after),
      () => {},
    );
    const slow = fakeResponse();
    const fast = fakeResponse();
    await hub.subscribe("w", { response: slow.response, moderator: false, lastSeq: 0, pending: null }, 0);
    await hub.subscribe("w", { response: fast.response, moderator: false, lastSeq: 0, pending: null }, 0);
    slow.state.writableLength = 10 * 1024 * 1024;
    log.push(change(1));
    hub.notify("w");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(slow.ended()).toBe(true);
    expect(slow.written).toEqual([]);
    expect(fast.written).toHaveLength(1);
  });
});
