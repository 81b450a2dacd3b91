"use client";

import type { QueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import type { ConversationState } from "@/lib/chat/messages";

/**
 * The browser side of chat (issue 11, decision 0009): query keys, the catch-up fetch, and the small
 * stores the one event stream of the tab feeds. A conversation's cache holds its messages keyed by
 * seq, so a message heard on the stream and again in a catch-up is shown once.
 */
export type ChatSide = "CUSTOMER" | "STAFF";
export type ChatMessage = {
  id: string;
  conversationId: string;
  seq: number;
  side: ChatSide;
  senderId: string;
  body: string;
  fileId: string | null;
  createdAt: string;
};
// The server's type (a type-only import: nothing of the server module reaches the browser).
export type { ConversationState };
export type ConversationData = { messages: ChatMessage[]; state: ConversationState };

export const chatKeys = {
  all: ["chat"] as const,
  conversation: (id: string) => ["chat", "conversation", id] as const,
  unread: ["chat", "unread"] as const,
};

export class ChatRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function chatFetch<T>(url: string, locale: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "Content-Type": "application/json", "x-portal-locale": locale, ...init.headers },
    cache: "no-store",
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!response.ok) throw new ChatRequestError(body.error?.message ?? String(response.status), response.status);
  return body as T;
}

/** Merge messages by seq, oldest first: the same message from the stream and a catch-up is kept once. */
export function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current;
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Where a catch-up starts: the end of the unbroken run of messages from the first one this tab
 * has. A message that arrived ahead of a gap (this tab's own send while the stream was away) does
 * not hide the gap: everything after the gap's start is asked for again and merged by seq.
 */
export function contiguousEnd(messages: ChatMessage[]): number {
  if (messages.length === 0) return 0;
  let end = messages[0]!.seq;
  for (const message of messages.slice(1)) {
    if (message.seq !== end + 1) break;
    end = message.seq;
  }
  return end;
}

const PAGE = 200;

/** The query function: everything after the unbroken run this tab has (all of it the first time), page by page. */
export function catchUp(queryClient: QueryClient, conversationId: string, locale: string) {
  return async (): Promise<ConversationData> => {
    const key = chatKeys.conversation(conversationId);
    let messages = queryClient.getQueryData<ConversationData>(key)?.messages ?? [];
    let state: ConversationState | undefined;
    for (let page = 0; page < 50; page++) {
      const fresh = await chatFetch<ConversationData>(
        `/api/chat/conversations/${conversationId}/messages?after=${contiguousEnd(messages)}`,
        locale,
      );
      // Messages and receipts that arrived on the stream while the request was out are kept too:
      // an answer read before a receipt must not take that receipt back.
      const latest = queryClient.getQueryData<ConversationData>(key);
      messages = mergeMessages(mergeMessages(latest?.messages ?? [], messages), fresh.messages);
      state = mergeState(latest?.state ?? state ?? fresh.state, fresh.state);
      if (fresh.messages.length < PAGE) break;
    }
    return { messages, state: state! };
  };
}

/** Positions only move forward (a late answer must not take a receipt back). */
export function mergeState(current: ConversationState, patch: Partial<ConversationState>): ConversationState {
  const next = { ...current, ...patch };
  for (const key of ["lastSeq", "customerDeliveredSeq", "customerReadSeq", "staffDeliveredSeq", "staffReadSeq"] as const) {
    next[key] = Math.max(current[key], patch[key] ?? 0);
  }
  return next;
}

// --- "typing…" per conversation, fed by the stream, forgotten after a few seconds -------------------

const TYPING_SHOWN_MS = 4_000;
const typing = new Map<string, number>();
const typingListeners = new Set<() => void>();

export function noteTyping(conversationId: string): void {
  typing.set(conversationId, Date.now());
  typingListeners.forEach((listener) => listener());
  setTimeout(() => typingListeners.forEach((listener) => listener()), TYPING_SHOWN_MS + 50);
}

export function noteStoppedTyping(conversationId: string): void {
  if (typing.delete(conversationId)) typingListeners.forEach((listener) => listener());
}

export function useOtherSideTyping(conversationId: string): boolean {
  return useSyncExternalStore(
    (listener) => {
      typingListeners.add(listener);
      return () => typingListeners.delete(listener);
    },
    () => Date.now() - (typing.get(conversationId) ?? 0) < TYPING_SHOWN_MS,
    () => false,
  );
}

// --- stream status, for the "reconnecting" notice ----------------------------------------------------

export type StreamStatus = "connecting" | "open" | "reconnecting";
let streamStatus: StreamStatus = "connecting";
const statusListeners = new Set<() => void>();

export function setStreamStatus(status: StreamStatus): void {
  if (status === streamStatus) return;
  streamStatus = status;
  // Also on the page itself, for tests and tools that wait for the live connection.
  document.documentElement.dataset.chatStream = status;
  statusListeners.forEach((listener) => listener());
}

export function useStreamStatus(): StreamStatus {
  return useSyncExternalStore(
    (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    () => streamStatus,
    () => "connecting",
  );
}

// --- other listeners (the inbox list, browser notifications) ------------------------------------------

export type StreamNews =
  { kind: "message"; message: ChatMessage & { assigneeId?: string | null } } | { kind: "conversation"; conversationId: string };
const newsListeners = new Set<(news: StreamNews) => void>();

export function publishNews(news: StreamNews): void {
  newsListeners.forEach((listener) => listener(news));
}

export function subscribeNews(listener: (news: StreamNews) => void): () => void {
  newsListeners.add(listener);
  return () => newsListeners.delete(listener);
}
