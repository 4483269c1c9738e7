import { type MouseEvent, useCallback, useEffect, useRef, useState } from "react";
import { Form, redirect } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { isMultipart, receiveForm } from "../../src/modules/files/multipart.ts";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { Field } from "../ui/kit/Field.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { Composer } from "../ui/wall/Composer.tsx";
import { LiveAnnouncer } from "../ui/wall/LiveAnnouncer.tsx";
import { OlderPosts } from "../ui/wall/OlderPosts.tsx";
import { OutboxStatus } from "../ui/wall/OutboxStatus.tsx";
import { useOutbox } from "../ui/wall/outbox.ts";
import { PostCard } from "../ui/wall/PostCard.tsx";
import { type PostSource, type SortOrder, sortPosts, type WallPost } from "../ui/wall/types.ts";
import { useWallLive } from "../ui/wall/useWallLive.ts";
import { WallLayout } from "../ui/wall/WallLayout.tsx";
import { attempt, fieldsOf } from "../web/actions.server.ts";
import { loadWall } from "../web/wall-loader.server.ts";
import type { Route } from "./+types/wall";

export function loader({ context, request, params }: Route.LoaderArgs) {
  return loadWall(context, request, params.slug);
}

/** The wall's forms without JavaScript (and the per-post buttons with it). */
export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, wallViewer: viewer, caller } = context;
  return attempt(caller.locale, async () => {
    // The post form's file is read as it streams in, stopping at the upload limit (files/multipart.ts).
    const { fields, file } = isMultipart(request)
      ? await receiveForm(request, {
          fileField: "file",
          maxFileBytes: services.attachments.uploadMaxBytes,
          tooLarge: () => services.attachments.tooLarge(viewer.locale),
        })
      : { fields: fieldsOf(await request.formData()), file: null };
    // Whatever the form asked, its file (a temporary file) goes once the action is done.
    try {
      if (fields.intent === "join") {
        const opened = await services.walls.joinBySlug(
          params.slug,
          fields.code ?? "",
          services.participants.hashAddress(context.clientIp),
          caller.locale,
        );
        return redirect(`/w/${params.slug}`, {
          headers: {
            "Set-Cookie": services.wallCookies.rememberJoin(request.headers.get("cookie"), opened.wallId, opened.code),
          },
        });
      }
      const { wall } = await services.walls.openBySlug(viewer, params.slug);
      const postId = fields.postId ?? "";
      switch (fields.intent) {
        case "post": {
          // Without JavaScript the file comes with the form; upload it first, then post with it.
          const upload = file && file.size > 0 ? await services.attachments.upload(viewer, wall.id, file) : null;
          await services.posts.create(viewer, wall.id, {
            ...fields,
            ...(upload ? { attachmentFileId: upload.fileId } : { attachmentAlt: undefined }),
          });
          return redirect(`/w/${params.slug}#posts`);
        }
        case "like":
        case "upvote":
          // Awaited here: the finally below awaits too, and the rejection must not go unhandled meanwhile.
          // `on` is "false" when the button was pressed already: the like or vote is taken back.
          return await services.posts.react(viewer, postId, { kind: fields.intent, on: fields.on ?? "true" });
        case "delete":
          await services.posts.remove(viewer, postId);
          return { done: true };
        case "report":
          await services.posts.report(viewer, postId, {});
          return { reported: true };
        case "moderate":
          await services.posts.moderate(
            viewer,
            postId,
            fields.action === "move" ? { action: "move", sectionId: fields.sectionId || null } : fields,
          );
          return { done: true };
        default:
          throw new AppError("MALFORMED_BODY");
      }
    } finally {
      await file?.dispose();
    }
  });
}

// A post's buttons change what the event stream then delivers: no need to reload the whole wall.
const liveIntents = new Set(["like", "upvote", "delete", "report", "moderate"]);
export function shouldRevalidate({
  formData,
  defaultShouldRevalidate,
}: {
  formData?: FormData;
  defaultShouldRevalidate: boolean;
}) {
  const intent = formData?.get("intent");
  return typeof intent === "string" && liveIntents.has(intent) ? false : defaultShouldRevalidate;
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data?.kind === "wall" ? `${data.wall.title} – Uudistamo` : "Uudistamo" }];
}

export default function WallPage({ loaderData, actionData }: Route.ComponentProps) {
  if (loaderData.kind === "join") return <JoinWall error={errorOf(actionData)} />;
  return <LiveWall data={loaderData} error={errorOf(actionData)} />;
}

function JoinWall({ error }: { error: ReturnType<typeof errorOf> }) {
  const { t } = useI18n();
  return (
    <div className="narrow stack">
      <PageTitle lead={t("errors.JOIN_CODE_REQUIRED")}>{t("walls.joinTitle")}</PageTitle>
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="join" />
        <Field name="code" label={t("walls.joinCode")} error={error} required>
          <input className="text-input" autoComplete="off" autoCapitalize="characters" />
        </Field>
        <div className="form-actions">
          <Button>{t("walls.join")}</Button>
        </div>
      </Form>
    </div>
  );
}

type WallData = Extract<Route.ComponentProps["loaderData"], { kind: "wall" }>;

/** `error`: what the no-JavaScript form's post (or its file) was refused for, shown above the form. */
function LiveWall({ data, error }: { data: WallData; error: ReturnType<typeof errorOf> }) {
  const { t } = useI18n();
  const [composerOpen, setComposerOpen] = useState(false);
  const [replyTo, setReplyTo] = useState<WallPost | null>(null);
  const [editing, setEditing] = useState<(WallPost & { body: string }) | null>(null);
  // The post's source could not be read for its editor (offline, or it is gone).
  const [sourceMissing, setSourceMissing] = useState(false);
  const [order, setOrder] = useState<SortOrder>("new");
  // The server renders the composer inside a closed <details> so it works without JavaScript.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // Where the focus goes back to when the composer closes: what opened it, else the + button.
  const opener = useRef<HTMLElement | null>(null);
  const plusButton = useRef<HTMLButtonElement>(null);
  const composerRef = useRef(composerOpen);
  composerRef.current = composerOpen;

  const live = useWallLive(
    {
      wall: data.wall,
      posts: data.posts,
      seq: data.seq,
      total: data.totalPosts,
      before: data.postsBefore,
      older: data.olderCursor,
    },
    () => composerRef.current || window.scrollY > 200,
  );
  const outbox = useOutbox(data.wall.id, (post) => live.addOwn({ ...post, mine: true }));
  const canPost = !live.wall.closed;

  const open = useCallback(async (reply: WallPost | null = null, edit: WallPost | null = null, from?: HTMLElement) => {
    opener.current = from ?? null;
    setSourceMissing(false);
    // The page holds what is shown; the editor opens with what was typed, read from the server.
    const source = edit
      ? await fetch(`/api/posts/${edit.id}/source`, { headers: { accept: "application/json" } })
          .then((response) => (response.ok ? (response.json() as Promise<PostSource>) : null))
          .catch(() => null)
      : null;
    if (edit && !source) {
      setSourceMissing(true);
      return;
    }
    setReplyTo(reply);
    setEditing(edit && source ? { ...edit, kind: source.kind, title: source.title, body: source.body } : null);
    setComposerOpen(true);
  }, []);
  const close = useCallback(() => {
    setComposerOpen(false);
    setReplyTo(null);
    setEditing(null);
    // Back to where the person was, so keyboard and screen-reader users do not lose their place.
    requestAnimationFrame(() => {
      const back = opener.current?.isConnected ? opener.current : plusButton.current;
      back?.focus();
    });
  }, []);

  // A deleted post's card goes when the stream says so; the focus then moves to the next post
  // (or the one before), or to the + button when none is left, never to the page's body.
  const afterDelete = useRef<{ id: string; candidates: string[] } | null>(null);
  const onDeleting = useCallback((post: WallPost) => {
    const cards = Array.from(document.querySelectorAll<HTMLElement>("#posts article[data-post-id]"));
    const at = cards.findIndex((card) => card.dataset.postId === post.id);
    const ids = cards.map((card) => card.dataset.postId ?? "");
    afterDelete.current = { id: post.id, candidates: [...ids.slice(at + 1), ...ids.slice(0, at).reverse()] };
  }, []);
  useEffect(() => {
    const pending = afterDelete.current;
    if (!pending || live.posts.some((p) => p.id === pending.id)) return;
    afterDelete.current = null;
    const next = pending.candidates
      .map((id) => document.querySelector<HTMLElement>(`#posts article[data-post-id="${id}"]`))
      .find((card) => card !== null);
    (next ?? plusButton.current)?.focus();
  }, [live.posts]);

  const [reactions] = useState(() => ({ like: new Set(data.reactions.like), upvote: new Set(data.reactions.upvote) }));

  // "n" opens the composer, like the plus button; not while typing in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== "n" || event.ctrlKey || event.metaKey || event.altKey || !canPost) return;
      if (target.closest("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      open(null, null, plusButton.current ?? undefined);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, canPost]);

  const onWallDoubleClick = (event: MouseEvent) => {
    if (!canPost || (event.target as HTMLElement).closest("article, button, a, input, textarea, select, label")) return;
    open(null, null, plusButton.current ?? undefined);
  };

  async function saveEdit(post: WallPost, changes: { kind: string; title?: string; body: string }) {
    const response = await fetch(`/api/posts/${post.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(changes),
    }).catch(() => null);
    if (!response) return t("walls.offlineEdit");
    if (!response.ok)
      return ((await response.json().catch(() => ({}))) as { message?: string }).message ?? t("errors.INTERNAL");
    return null;
  }

  const roots = sortPosts(
    live.posts.filter((p) => !p.parentId),
    order,
  );
  // The feed's set: the wall's top-level posts, less the new ones waiting behind the "N new posts" button.
  const heldRoots = live.held.filter((p) => !p.parentId).length;
  const setSize = live.total === null ? -1 : Math.max(live.total - heldRoots, live.before + roots.length);
  const repliesOf = (id: string) =>
    sortPosts(
      live.posts.filter((p) => p.parentId === id),
      "new",
    ).reverse();

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: double-click is a shortcut; the plus button and the "n" key do the same
    <div className="wall" onDoubleClick={onWallDoubleClick}>
      <header className="wall-header">
        <h1>{live.wall.title}</h1>
        {live.wall.description && <p className="lead">{live.wall.description}</p>}
        <p className="wall-links">
          <span>
            {t("walls.shortLink")}: <a href={data.shortLink}>{data.shortLink.replace(/^https?:\/\//, "")}</a>
          </span>
          {data.joinCode && (
            <span>
              {t("walls.joinCode")}: <strong>{data.joinCode}</strong>
            </span>
          )}
          <a href={`/w/${live.wall.slug}/present`}>{t("walls.presenter")}</a>
          {data.canModerate && <a href={`/w/${live.wall.slug}/poster`}>{t("walls.poster")}</a>}
          {data.canModerate && <a href={`/w/${live.wall.slug}/summary`}>{t("walls.summary")}</a>}
          {data.canModerate && <a href={`/w/${live.wall.slug}/export.csv`}>CSV</a>}
          {data.canModerate && <a href={`/w/${live.wall.slug}/export.xlsx`}>XLSX</a>}
          {data.canModerate && <a href={`/w/${live.wall.slug}/settings`}>{t("walls.settings")}</a>}
        </p>
        {live.wall.closed && <p className="notice">{t("walls.closedNotice")}</p>}
        {sourceMissing && (
          <p className="notice" role="alert">
            {t("walls.sourceUnavailable")}
          </p>
        )}
        {/* Polite: said once when it changes (lost, back), never repeated while the browser retries. */}
        <p className="muted wall-connection" role="status">
          {t(`walls.connection.${live.connection}`)}
        </p>
      </header>

      <ErrorSummary error={error} />
      {canPost && (
        <details
          className="composer-details"
          open={composerOpen}
          onToggle={(e) => setComposerOpen((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary className="composer-summary">{t("walls.writePost")}</summary>
          {composerOpen || !hydrated ? (
            <Composer
              key={`${replyTo?.id ?? ""}${editing?.id ?? ""}`}
              wall={live.wall}
              idempotencyKey={data.idempotencyKey}
              replyTo={replyTo}
              editing={editing}
              onSubmit={outbox.submit}
              onSaveEdit={saveEdit}
              onClose={close}
              focusOnMount={hydrated}
            />
          ) : null}
        </details>
      )}

      <OutboxStatus entries={outbox.entries} offline={live.connection === "offline"} onDiscard={outbox.discard} />

      <div className="wall-toolbar">
        <Field name="sort" id="wall-sort" label={t("walls.sort")} className="wall-sort">
          <select className="native-select" value={order} onChange={(e) => setOrder(e.target.value as SortOrder)}>
            <option value="new">{t("walls.sortNew")}</option>
            <option value="votes">{t("walls.sortVotes")}</option>
          </select>
        </Field>
        {live.held.length > 0 && (
          <button
            type="button"
            className="button-primary wall-new-posts"
            onClick={() => {
              live.release();
              window.scrollTo({ top: 0 });
              requestAnimationFrame(() => document.querySelector<HTMLElement>("#posts article")?.focus());
            }}
          >
            {t("walls.newPosts", { count: live.held.length })}
          </button>
        )}
      </div>

      <LiveAnnouncer arrivals={live.arrivals} />

      {data.badCursor && <p className="notice">{data.badCursor}</p>}
      {live.before > 0 && (
        <p>
          <a href={`/w/${live.wall.slug}`}>{t("walls.newestPosts")}</a>
        </p>
      )}

      <WallLayout
        wall={live.wall}
        posts={roots}
        label={t("walls.postsLabel")}
        setSize={setSize}
        before={live.before}
        complete={live.older === null}
        busy={live.loadingOlder}
      >
        {(post, position, size) => (
          <PostCard
            key={post.id}
            post={post}
            wall={live.wall}
            replies={repliesOf(post.id)}
            canModerate={data.canModerate}
            canPost={canPost}
            position={position}
            setSize={size}
            liked={reactions.like.has(post.id)}
            voted={reactions.upvote.has(post.id)}
            onReply={(p, from) => open(p, null, from)}
            onEdit={(p, from) => open(null, p, from)}
            onDeleting={onDeleting}
          />
        )}
      </WallLayout>

      <OlderPosts
        href={data.olderPostsHref}
        hydrated={hydrated}
        hasMore={live.older !== null}
        loading={live.loadingOlder}
        load={live.loadOlder}
      />

      {canPost && (
        <button
          ref={plusButton}
          type="button"
          className="wall-add"
          aria-label={t("walls.newPost")}
          title={t("walls.newPostShortcut")}
          onClick={(event) => open(null, null, event.currentTarget)}
        >
          <span aria-hidden="true">+</span>
        </button>
      )}
    </div>
  );
}
