"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { useEffect } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import {
  chatFetch,
  chatKeys,
  mergeMessages,
  mergeState,
  noteStoppedTyping,
  noteTyping,
  publishNews,
  setStreamStatus,
  type ChatMessage,
  type ChatSide,
  type ConversationData,
} from "./chat-client";

type MessageFrame = ChatMessage & { assigneeId?: string | null };
type ReceiptFrame = { conversationId: string; side: ChatSide; deliveredSeq: number; readSeq: number };

/**
 * The tab's one chat stream (Server-Sent Events, decision 0009), mounted once in the signed-in
 * layouts of customers and staff. It writes what it hears into the TanStack Query cache; when the
 * stream (re)opens, or the server says it may have missed something (`resync`), every open
 * conversation catches up from its last seq. The browser reconnects by itself after a drop or a
 * server restart (the stream asks for 3 s).
 */
export function ChatEvents({
  userId,
  side,
  notifyTitle,
  imageLabel,
}: {
  userId: string;
  side: ChatSide;
  /** Staff: the title of a browser notification for a customer's message in a conversation assigned to them. */
  notifyTitle?: string;
  imageLabel: string;
}) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const locale = useLocale();

  useEffect(() => {
    let source: EventSource;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    // "Delivered": this tab has the message, reported once per conversation and burst.
    const deliveries = new Map<string, ReturnType<typeof setTimeout>>();
    const reportDelivered = (conversationId: string, seq: number) => {
      clearTimeout(deliveries.get(conversationId));
      deliveries.set(
        conversationId,
        setTimeout(() => {
          deliveries.delete(conversationId);
          void chatFetch(`/api/chat/conversations/${conversationId}/seen`, locale, {
            method: "POST",
            body: JSON.stringify({ seq, read: false }),
          }).catch(() => {});
        }, 300),
      );
    };
    const refreshAll = () => {
      void queryClient.invalidateQueries({ queryKey: chatKeys.all });
    };
    const connect = () => {
      source = new EventSource("/api/chat/events");
      source.addEventListener("ready", () => {
        failures = 0;
        setStreamStatus("open");
        refreshAll();
      });
      source.addEventListener("resync", refreshAll);
      source.addEventListener("error", () => {
        setStreamStatus("reconnecting");
        // The browser retries a dropped stream by itself, but gives up after an answer that is not
        // a stream (a 502 while a deploy swaps servers): then try again, slower each time.
        if (source.readyState === EventSource.CLOSED && !stopped) {
          clearTimeout(retry);
          retry = setTimeout(connect, Math.min(60_000, 2_000 * 2 ** failures++));
        }
      });
      listen(source);
    };
    const listen = (source: EventSource) => {
      source.addEventListener("message", (event: MessageEvent<string>) => {
        const message = JSON.parse(event.data) as MessageFrame;
        const key = chatKeys.conversation(message.conversationId);
        queryClient.setQueryData<ConversationData>(key, (current) =>
          current
            ? { messages: mergeMessages(current.messages, [message]), state: mergeState(current.state, { lastSeq: message.seq }) }
            : current,
        );
        if (message.side !== side) {
          noteStoppedTyping(message.conversationId);
          // Staff tabs hear every conversation: those of this agent (or nobody's yet) report delivery.
          if (side === "CUSTOMER" || !message.assigneeId || message.assigneeId === userId) {
            reportDelivered(message.conversationId, message.seq);
          }
        }
        void queryClient.invalidateQueries({ queryKey: chatKeys.unread });
        publishNews({ kind: "message", message });
        if (
          side === "STAFF" &&
          notifyTitle &&
          message.side === "CUSTOMER" &&
          message.assigneeId === userId &&
          typeof Notification !== "undefined" &&
          Notification.permission === "granted" &&
          (document.hidden || !window.location.pathname.endsWith(`/admin/inbox/${message.conversationId}`))
        ) {
          // Plain text: a notification never renders HTML.
          const notification = new Notification(notifyTitle, { body: message.body || imageLabel, tag: message.conversationId });
          notification.onclick = () => {
            window.focus();
            router.push(`/admin/inbox/${message.conversationId}`);
          };
        }
      });
      source.addEventListener("receipt", (event: MessageEvent<string>) => {
        const receipt = JSON.parse(event.data) as ReceiptFrame;
        queryClient.setQueryData<ConversationData>(chatKeys.conversation(receipt.conversationId), (current) =>
          current
            ? {
                ...current,
                state: mergeState(
                  current.state,
                  receipt.side === "CUSTOMER"
                    ? { customerDeliveredSeq: receipt.deliveredSeq, customerReadSeq: receipt.readSeq }
                    : { staffDeliveredSeq: receipt.deliveredSeq, staffReadSeq: receipt.readSeq },
                ),
              }
            : current,
        );
        if (receipt.side === side) void queryClient.invalidateQueries({ queryKey: chatKeys.unread });
      });
      source.addEventListener("typing", (event: MessageEvent<string>) => {
        const typing = JSON.parse(event.data) as { conversationId: string; side: ChatSide };
        if (typing.side !== side) noteTyping(typing.conversationId);
      });
      source.addEventListener("conversation", (event: MessageEvent<string>) => {
        const { conversationId } = JSON.parse(event.data) as { conversationId: string };
        void queryClient.invalidateQueries({ queryKey: chatKeys.conversation(conversationId) });
        publishNews({ kind: "conversation", conversationId });
      });
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      for (const timer of deliveries.values()) clearTimeout(timer);
      source.close();
      setStreamStatus("connecting");
    };
  }, [queryClient, userId, side, notifyTitle, imageLabel, router, locale]);

  return null;
}
