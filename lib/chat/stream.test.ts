import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeRequest } from "@/scripts/test/fake-request";

vi.mock("next/headers", async () => (await import("@/scripts/test/fake-request")).nextHeaders);

const { env } = await import("@/lib/env");
const { testCustomer, testStaff } = await import("@/scripts/test/product-factories");
const { postMessage, startConversation } = await import("./messages");
const { openChatStream } = await import("./stream");
const { ChatHub } = await import("@/lib/realtime/hub");

beforeEach(() => fakeRequest.reset());

// The stream reads from its own hub, as an app process other than the writer's would.
const hub = new ChatHub(env.DATABASE_URL);
afterAll(() => hub.close());

/** Reads a stream in the background; `until` waits (at most 5 s) for the frames read so far to satisfy it. */
function collect(stream: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  let text = "";
  let ended = false;
  void (async () => {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    ended = true;
  })();
  const frames = () => text.split("\n\n").filter(Boolean);
  return {
    ended: () => ended,
    async until(done: (frames: string[]) => boolean, ms = 5_000): Promise<string[]> {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (done(frames())) return frames();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`stream did not deliver in time; got: ${text}`);
    },
  };
}

const actorOf = (user: { id: string; role: import("@/lib/auth/permissions").Actor["role"] }) => ({
  id: user.id,
  role: user.role,
  dealerId: null,
});

describe("the chat event stream", () => {
  it("opens at once, then carries a message written on another process to the customer and to staff, but not to another customer", async () => {
    const customer = actorOf(await testCustomer());
    const { conversationId } = await startConversation(customer, {
      subject: "質問",
      ownershipId: "",
      body: "最初のメッセージ",
      idempotencyKey: randomUUID(),
    });
    const agent = actorOf(await testStaff("SUPPORT_AGENT"));
    const stranger = actorOf(await testCustomer());
    const aborts = [new AbortController(), new AbortController(), new AbortController()];
    const [mine, staff, other] = (
      await Promise.all([
        openChatStream(customer, aborts[0]!.signal, hub),
        openChatStream(agent, aborts[1]!.signal, hub),
        openChatStream(stranger, aborts[2]!.signal, hub),
      ])
    ).map(collect);
    for (const stream of [mine!, staff!, other!]) {
      expect((await stream.until((frames) => frames.length >= 1))[0]).toContain("event: ready");
    }

    const sent = await postMessage(agent, { conversationId, body: "<b>こんにちは</b>", idempotencyKey: randomUUID() });
    const hasMessage = (frames: string[]) =>
      frames.some((frame) => frame.includes("event: message") && frame.includes(`"seq":${sent.seq}`));
    for (const stream of [mine!, staff!]) {
      const frame = (await stream.until(hasMessage)).find((item) => item.includes("event: message"))!;
      expect(frame).toContain(`id: ${conversationId}:${sent.seq}`);
      // The body travels as JSON text; the page renders it as text, never as HTML.
      expect(JSON.parse(frame.split("data: ")[1]!)).toMatchObject({
        conversationId,
        seq: sent.seq,
        side: "STAFF",
        body: "<b>こんにちは</b>",
      });
    }
    await expect(other!.until(hasMessage, 1_000)).rejects.toThrow(/did not deliver/);
    for (const abort of aborts) abort.abort();
  });

  it("ends when the request is aborted and leaves no subscriber behind", async () => {
    const customer = actorOf(await testCustomer());
    const before = hub.subscriberCount;
    const abort = new AbortController();
    const stream = await openChatStream(customer, abort.signal, hub);
    expect(hub.subscriberCount).toBe(before + 1);
    const reading = collect(stream);
    abort.abort();
    await reading.until(() => reading.ended());
    expect(hub.subscriberCount).toBe(before);
  });
});
