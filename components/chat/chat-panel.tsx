"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { errorMessageOf, uploadWithProgress } from "@/components/files/upload-request";
import { Button } from "@/components/ui/button";
import { UserText } from "@/components/ui/user-text";
import { CHAT_MESSAGE_MAX_LENGTH } from "@/lib/chat/schemas";
import {
  catchUp,
  chatFetch,
  chatKeys,
  mergeMessages,
  mergeState,
  useOtherSideTyping,
  useStreamStatus,
  type ChatMessage,
  type ChatSide,
  type ConversationData,
} from "./chat-client";
import { LinkifiedText } from "./linkified-text";

const MAX_LENGTH = CHAT_MESSAGE_MAX_LENGTH;
const TYPING_EVERY_MS = 3_000;

type Pending = { key: string; body: string; fileId: string; preview: string | null; status: "sending" | "failed"; error?: string };
type Attachment = { phase: "uploading"; percent: number; preview: string } | { phase: "done"; fileId: string; preview: string };

function newKey(): string {
  return crypto.randomUUID();
}

/**
 * One conversation, live (issue 11): messages with time and receipts, the other side's "typing…",
 * a composer with an image attachment (progress, preview), and sends that survive a retry (each
 * message has its key; the server stores it once). Messages are plain text with clickable links.
 */
export function ChatPanel({
  conversationId,
  viewer,
  initialData,
  cannedReplies = [],
  otherName,
  myId,
}: {
  conversationId: string;
  viewer: ChatSide;
  initialData: ConversationData;
  /** Staff: ready texts with the customer's name filled in. */
  cannedReplies?: { id: string; title: string; body: string }[];
  /** How the other side is named above their messages. */
  otherName: string;
  /** Staff: their own id, so a colleague's message is not labelled "You". */
  myId?: string;
}) {
  const t = useTranslations("chat");
  const tf = useTranslations("files");
  const format = useFormatter();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const ids = useId();
  const key = chatKeys.conversation(conversationId);
  const { data } = useQuery({
    queryKey: key,
    queryFn: catchUp(queryClient, conversationId, locale),
    initialData,
    staleTime: Infinity,
    // Opened by an in-app link, the tab's stream has not restarted: catch up from the server's page
    // at once, or a message stored between that render and now would be missed.
    refetchOnMount: "always",
  });
  const messages = data.messages;
  const state = data.state;
  const otherTyping = useOtherSideTyping(conversationId);
  const streamStatus = useStreamStatus();

  const [text, setText] = useState("");
  const [pending, setPending] = useState<Pending[]>([]);
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const [uploadError, setUploadError] = useState<string>();
  const [sendError, setSendError] = useState<string>();
  const abortUpload = useRef<(() => void) | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);
  // Follow new messages while the reader is at the bottom; someone reading back is left alone.
  const atBottom = useRef(true);
  const lastTypingSent = useRef(0);

  const lastSeq = messages.at(-1)?.seq ?? 0;
  const lastOther = [...messages].reverse().find((message) => message.side !== viewer)?.seq ?? 0;
  const myReadSeq = viewer === "CUSTOMER" ? state.customerReadSeq : state.staffReadSeq;
  const theirDelivered = viewer === "CUSTOMER" ? state.staffDeliveredSeq : state.customerDeliveredSeq;
  const theirRead = viewer === "CUSTOMER" ? state.staffReadSeq : state.customerReadSeq;

  // Receipts: delivered as soon as this page has a message, read while the page is in view.
  const reportSeen = useCallback(
    (read: boolean) => {
      if (lastOther === 0) return;
      void chatFetch(`/api/chat/conversations/${conversationId}/seen`, locale, {
        method: "POST",
        body: JSON.stringify({ seq: lastOther, read }),
      }).catch(() => {
        // Receipts are best effort; the next message or visit reports again.
      });
    },
    [conversationId, lastOther, locale],
  );
  useEffect(() => {
    if (lastOther === 0 || lastOther <= myReadSeq) return;
    reportSeen(document.visibilityState === "visible");
  }, [lastOther, myReadSeq, reportSeen]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && lastOther > myReadSeq) reportSeen(true);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [lastOther, myReadSeq, reportSeen]);

  // Only the message list scrolls, never the page around it (the chat sits low on a repair's page).
  const toBottom = useCallback((force = false) => {
    const element = log.current;
    if (element && (force || atBottom.current)) element.scrollTop = element.scrollHeight;
  }, []);
  useEffect(() => toBottom(), [lastSeq, toBottom]);
  useEffect(() => toBottom(true), [pending.length, toBottom]);
  useEffect(() => () => abortUpload.current?.(), []);

  // Older messages, 200 at a time, kept in the same cache (the list stays where the reader was).
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const loadEarlier = async () => {
    const first = messages[0]?.seq ?? 1;
    setLoadingEarlier(true);
    atBottom.current = false;
    try {
      const earlier = await chatFetch<ConversationData>(`/api/chat/conversations/${conversationId}/messages?before=${first}`, locale);
      queryClient.setQueryData<ConversationData>(key, (current) =>
        current ? { ...current, messages: mergeMessages(current.messages, earlier.messages) } : current,
      );
    } catch {
      setSendError(t("loadFailed"));
    } finally {
      setLoadingEarlier(false);
    }
  };

  const send = async (item: Pending) => {
    setPending((list) => [...list.filter((other) => other.key !== item.key), { ...item, status: "sending", error: undefined }]);
    try {
      const stored = await chatFetch<ChatMessage>(`/api/chat/conversations/${conversationId}/messages`, locale, {
        method: "POST",
        body: JSON.stringify({ body: item.body, fileId: item.fileId, idempotencyKey: item.key }),
      });
      queryClient.setQueryData<ConversationData>(key, (current) =>
        current
          ? { messages: mergeMessages(current.messages, [stored]), state: mergeState(current.state, { lastSeq: stored.seq }) }
          : current,
      );
      setPending((list) => list.filter((other) => other.key !== item.key));
      // A message reopens a closed conversation or changes who it waits for.
      void queryClient.invalidateQueries({ queryKey: key });
    } catch (error) {
      const message = error instanceof Error && !/^\d+$/.test(error.message) ? error.message : t("sendFailed");
      setPending((list) => list.map((other) => (other.key === item.key ? { ...other, status: "failed", error: message } : other)));
    }
  };

  const submit = () => {
    const body = text.trim();
    if (attachment?.phase === "uploading") return;
    if (!body && !attachment) {
      setSendError(t("messageEmpty"));
      return;
    }
    if (body.length > MAX_LENGTH) {
      setSendError(t("tooLong", { max: MAX_LENGTH }));
      return;
    }
    setSendError(undefined);
    const item: Pending = {
      key: newKey(),
      body,
      fileId: attachment?.phase === "done" ? attachment.fileId : "",
      preview: attachment?.phase === "done" ? attachment.preview : null,
      status: "sending",
    };
    setText("");
    setAttachment(null);
    if (fileInput.current) fileInput.current.value = "";
    void send(item);
  };

  const onType = (value: string) => {
    setText(value);
    setSendError(undefined);
    const now = Date.now();
    if (value.trim() && now - lastTypingSent.current > TYPING_EVERY_MS) {
      lastTypingSent.current = now;
      void chatFetch(`/api/chat/conversations/${conversationId}/typing`, locale, { method: "POST" }).catch(() => {});
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter writes a new line (Japanese input confirms with Enter); Ctrl/⌘+Enter sends.
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const attach = (file: File) => {
    setUploadError(undefined);
    const preview = URL.createObjectURL(file);
    setAttachment({ phase: "uploading", percent: 0, preview });
    const request = uploadWithProgress(
      "/api/files?purpose=chat_image",
      file,
      (percent) => setAttachment({ phase: "uploading", percent, preview }),
      locale,
    );
    abortUpload.current = request.abort;
    request.promise
      .then(({ status, body }) => {
        if (status === 201 && typeof body.id === "string") {
          setAttachment({ phase: "done", fileId: body.id, preview: `/api/files/${body.id}?variant=thumb` });
          return;
        }
        setAttachment(null);
        setUploadError(errorMessageOf(body) ?? tf("uploadFailed"));
      })
      .catch((error: Error) => {
        setAttachment(null);
        if (error.message !== "aborted") setUploadError(tf("uploadFailed"));
      })
      .finally(() => URL.revokeObjectURL(preview));
  };

  const removeAttachment = async () => {
    if (attachment?.phase === "uploading") abortUpload.current?.();
    if (attachment?.phase === "done") await fetch(`/api/files/${attachment.fileId}`, { method: "DELETE" }).catch(() => {});
    setAttachment(null);
    if (fileInput.current) fileInput.current.value = "";
  };

  const days = useMemo(() => {
    const groups: { day: string; messages: ChatMessage[] }[] = [];
    for (const message of messages) {
      const day = format.dateTime(new Date(message.createdAt), { dateStyle: "long" });
      if (groups.at(-1)?.day !== day) groups.push({ day, messages: [] });
      groups.at(-1)!.messages.push(message);
    }
    return groups;
  }, [messages, format]);

  const lastMine = [...messages].reverse().find((message) => message.side === viewer)?.seq ?? 0;
  const receiptOf = (message: ChatMessage) => {
    if (message.side !== viewer || message.seq !== lastMine) return null;
    if (theirRead >= message.seq) return t("read");
    if (theirDelivered >= message.seq) return t("delivered");
    return t("sent");
  };

  return (
    <section
      aria-labelledby={`${ids}-title`}
      className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white shadow-sm"
      data-testid="chat"
    >
      <h2 id={`${ids}-title`} className="sr-only">
        {t("messagesTitle")}
      </h2>
      {streamStatus === "reconnecting" && (
        <p className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950" role="status">
          {t("reconnecting")}
        </p>
      )}
      <div
        ref={log}
        onScroll={(event) => {
          const element = event.currentTarget;
          atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
        }}
        className="max-h-[60vh] min-h-48 overflow-y-auto px-3 py-4 sm:px-4"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t("messagesTitle")}
        tabIndex={0}
      >
        {messages.length === 0 && pending.length === 0 && <p className="py-8 text-center text-sm text-slate-600">{t("empty")}</p>}
        {(messages[0]?.seq ?? 1) > 1 && (
          <p className="mb-2 text-center">
            <Button variant="secondary" className="min-h-9 text-xs" disabled={loadingEarlier} onClick={() => void loadEarlier()}>
              {loadingEarlier ? t("loadingEarlier") : t("showEarlier")}
            </Button>
          </p>
        )}
        {days.map((group) => (
          <div key={group.day}>
            <p className="my-3 text-center text-xs text-slate-600">{group.day}</p>
            <ol className="space-y-3">
              {group.messages.map((message) => {
                const mine = message.side === viewer;
                const receipt = receiptOf(message);
                return (
                  <li
                    key={message.seq}
                    className={`flex ${mine ? "justify-end" : "justify-start"}`}
                    data-testid="chat-message"
                    data-seq={message.seq}
                  >
                    <div className={`max-w-[85%] min-w-0 sm:max-w-[75%] ${mine ? "items-end" : "items-start"} flex flex-col`}>
                      <span className="mb-0.5 text-xs text-slate-600">
                        {!mine ? otherName : viewer === "STAFF" && myId && message.senderId !== myId ? t("colleague") : t("you")}
                      </span>
                      <div
                        className={`rounded-2xl px-3 py-2 whitespace-pre-wrap [overflow-wrap:anywhere] ${mine ? "rounded-br-sm bg-brand-600 text-white [&_a]:text-white" : "rounded-bl-sm bg-slate-100 text-slate-900 [&_a]:text-brand-800"}`}
                      >
                        {message.fileId && (
                          <a href={`/api/files/${message.fileId}`} target="_blank" rel="noopener noreferrer" className="mb-1 block">
                            {/* eslint-disable-next-line @next/next/no-img-element -- a private, access-checked image */}
                            <img
                              onLoad={() => toBottom()}
                              src={`/api/files/${message.fileId}?variant=thumb`}
                              alt={t("image")}
                              className="max-h-48 rounded-lg"
                              data-testid="chat-image"
                            />
                          </a>
                        )}
                        {message.body && (
                          <UserText>
                            <LinkifiedText text={message.body} />
                          </UserText>
                        )}
                      </div>
                      <span className="mt-0.5 text-xs text-slate-600">
                        <time dateTime={message.createdAt}>{format.dateTime(new Date(message.createdAt), { timeStyle: "short" })}</time>
                        {receipt && (
                          <span data-testid="chat-receipt">
                            {" · "}
                            {receipt}
                          </span>
                        )}
                      </span>
                    </div>
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
        {pending.length > 0 && (
          <ol className="mt-3 space-y-3">
            {pending.map((item) => (
              <li key={item.key} className="flex justify-end" data-testid="chat-pending">
                <div className="flex max-w-[85%] flex-col items-end sm:max-w-[75%]">
                  <div className="rounded-2xl rounded-br-sm bg-brand-600/70 px-3 py-2 whitespace-pre-wrap text-white [overflow-wrap:anywhere]">
                    {item.preview && (
                      // eslint-disable-next-line @next/next/no-img-element -- the user's own upload
                      <img src={item.preview} alt={t("image")} className="mb-1 max-h-32 rounded-lg" />
                    )}
                    <UserText>{item.body}</UserText>
                  </div>
                  {item.status === "sending" ? (
                    <span className="mt-0.5 text-xs text-slate-600">{t("sending")}</span>
                  ) : (
                    <span className="mt-1 flex flex-wrap items-center justify-end gap-2 text-xs text-red-800" role="alert">
                      {item.error}
                      <Button variant="secondary" className="min-h-9 px-2 py-1 text-xs" onClick={() => void send(item)}>
                        {t("retry")}
                      </Button>
                      <Button
                        variant="ghost"
                        className="min-h-9 px-2 py-1 text-xs"
                        onClick={() => {
                          setPending((list) => list.filter((other) => other.key !== item.key));
                          if (!text) setText(item.body);
                        }}
                      >
                        {t("editAgain")}
                      </Button>
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
      <p className="min-h-6 px-4 text-sm text-slate-700" aria-live="polite">
        {otherTyping ? t("typing", { name: otherName }) : ""}
      </p>
      {state.status === "CLOSED" && (
        <p className="mx-3 mb-2 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800 sm:mx-4" data-testid="chat-closed">
          {viewer === "CUSTOMER" ? t("closedCustomer") : t("closedStaff")}
        </p>
      )}
      <form
        className="space-y-2 border-t border-slate-200 p-3 sm:p-4"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor={`${ids}-text`} className="sr-only">
          {t("composeLabel")}
        </label>
        {cannedReplies.length > 0 && (
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${ids}-canned`} className="text-sm text-slate-700">
              {t("cannedLabel")}
            </label>
            <select
              id={`${ids}-canned`}
              className="min-h-11 max-w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
              value=""
              onChange={(event) => {
                const reply = cannedReplies.find((item) => item.id === event.target.value);
                if (reply) onType(text ? `${text}\n${reply.body}` : reply.body);
              }}
            >
              <option value="">{t("cannedChoose")}</option>
              {cannedReplies.map((reply) => (
                <option key={reply.id} value={reply.id}>
                  {reply.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <textarea
          id={`${ids}-text`}
          value={text}
          onChange={(event) => onType(event.target.value)}
          onKeyDown={onKeyDown}
          rows={3}
          maxLength={MAX_LENGTH + 500}
          aria-invalid={sendError ? true : undefined}
          aria-describedby={`${ids}-hint${sendError ? ` ${ids}-error` : ""}`}
          className="block w-full rounded-md border border-slate-300 px-3 py-2 text-base"
          placeholder={t("placeholder")}
        />
        <p id={`${ids}-hint`} className="text-xs text-slate-600">
          {t("composeHint", { count: text.trim().length, max: MAX_LENGTH })}
        </p>
        {sendError && (
          <p id={`${ids}-error`} className="text-sm text-red-800" role="alert">
            {sendError}
          </p>
        )}
        {attachment && (
          <div className="flex items-center gap-3 rounded-md border border-slate-200 bg-slate-50 p-2">
            {/* eslint-disable-next-line @next/next/no-img-element -- the user's own upload */}
            <img src={attachment.preview} alt={tf("preview")} className="h-16 w-16 rounded object-cover" />
            <div className="flex flex-1 flex-col gap-1">
              {attachment.phase === "uploading" ? (
                <>
                  <span className="text-sm text-slate-700" id={`${ids}-progress`}>
                    {tf("uploading", { percent: attachment.percent })}
                  </span>
                  <progress max={100} value={attachment.percent} aria-labelledby={`${ids}-progress`} className="h-2 w-full" />
                </>
              ) : (
                <span className="text-sm font-medium text-green-800" role="status">
                  {tf("uploaded")}
                </span>
              )}
            </div>
            <Button variant="secondary" onClick={() => void removeAttachment()}>
              {attachment.phase === "uploading" ? tf("cancel") : tf("remove")}
            </Button>
          </div>
        )}
        {uploadError && (
          <p className="text-sm text-red-800" role="alert">
            {uploadError}
          </p>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <label className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-slate-900 focus-within:ring-2 focus-within:ring-brand-600 hover:bg-slate-100">
            <input
              ref={fileInput}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              className="sr-only"
              data-testid="chat-attach"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) attach(file);
              }}
            />
            {t("attach")}
          </label>
          <Button type="submit" disabled={attachment?.phase === "uploading"}>
            {t("send")}
          </Button>
        </div>
      </form>
    </section>
  );
}
