import { describe, expect, it } from "vitest";
import { contiguousEnd, mergeMessages, mergeState, type ChatMessage, type ConversationState } from "./chat-client";

const message = (seq: number): ChatMessage => ({
  id: `m${seq}`,
  conversationId: "c",
  seq,
  side: "CUSTOMER",
  senderId: "u",
  body: `#${seq}`,
  fileId: null,
  createdAt: "2026-12-02T00:00:00Z",
});

describe("the chat cache", () => {
  it("catches up from the end of the unbroken run, so a message that arrived ahead of a gap does not hide it", () => {
    expect(contiguousEnd([])).toBe(0);
    expect(contiguousEnd([message(1), message(2), message(3)])).toBe(3);
    // The tab's own message 5 is stored while the stream was away and 4 was missed.
    expect(contiguousEnd([message(1), message(2), message(3), message(5)])).toBe(3);
    // The page started from a window of the newest messages.
    expect(contiguousEnd([message(51), message(52)])).toBe(52);
  });

  it("keeps each message once, in seq order, and never takes a receipt back", () => {
    expect(mergeMessages([message(2), message(1)], [message(3), message(2)]).map((item) => item.seq)).toEqual([1, 2, 3]);
    const state: ConversationState = {
      status: "OPEN",
      lastSeq: 5,
      customerDeliveredSeq: 5,
      customerReadSeq: 5,
      staffDeliveredSeq: 4,
      staffReadSeq: 4,
      assigneeId: null,
    };
    // An answer read before the receipt arrives later: positions stay, status follows the answer.
    expect(mergeState(state, { ...state, staffReadSeq: 2, staffDeliveredSeq: 3, status: "CLOSED" })).toEqual({
      ...state,
      status: "CLOSED",
    });
  });
});
