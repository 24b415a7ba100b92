import { useActionData, useFetcher, useLocation, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "~/lib/assess-form";

const AUTOSAVE_MS = 1500;

/**
 * The scoresheet's save state: drafts save as you go (debounced, in the background through a
 * fetcher posting to `?auto=1`), paused while a stale refusal waits for the user. Tracks the
 * version the page's input is based on, the last answer (saved or refused), the saved values of a
 * stale refusal, and whether there is input not saved yet.
 */
export function useAutosave({ entryId, version, readOnly }: { entryId: number; version: number; readOnly: boolean }) {
  const actionData = useActionData<ActionResult>();
  const fetcher = useFetcher<ActionResult>({ key: `scoresheet-${entryId}` });
  const navigation = useNavigation();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);

  // The answer to a save without JavaScript (or an explicit save), rendered with the page.
  const initial = actionData && actionData.kind !== "declare" ? actionData : undefined;
  // The version this page's input is based on. It only moves on when this page saves; a save
  // from another tab does not move it, so this page's next save is refused as stale.
  const [base, setBase] = useState<number>(() =>
    initial?.kind === "saved"
      ? initial.version
      : initial?.kind === "refused" && initial.basedOn !== null
        ? initial.basedOn
        : version,
  );
  const [result, setResult] = useState(initial);
  const [stale, setStale] = useState(initial?.kind === "refused" && initial.current ? initial.current : null);
  // Input that a refused save sent back is not saved: it counts as unsaved from the start.
  const [dirty, setDirty] = useState(initial?.kind === "refused");
  const baseRef = useRef(base);
  baseRef.current = base;
  const edits = useRef(0);
  const pendingEdits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const [resultSeq, setResultSeq] = useState(0);
  const handle = useCallback((r: ActionResult | undefined) => {
    if (!r || r.kind === "declare") return;
    setResult(r);
    setResultSeq((n) => n + 1);
    if (r.kind === "saved") {
      setBase(r.version);
      setStale(null);
      if (edits.current === pendingEdits.current) setDirty(false);
    } else if (r.reason === "stale" && r.current) {
      setStale(r.current);
    }
  }, []);
  useEffect(() => handle(actionData), [actionData, handle]);
  useEffect(() => {
    if (fetcher.state === "idle") handle(fetcher.data);
  }, [fetcher.state, fetcher.data, handle]);

  const autosave = useCallback(() => {
    const form = formRef.current;
    if (!form || readOnly) return;
    if (fetcher.state !== "idle" || navigation.state !== "idle") {
      timer.current = setTimeout(autosave, AUTOSAVE_MS);
      return;
    }
    const fd = new FormData(form);
    fd.set("intent", "save");
    fd.set("version", String(baseRef.current));
    fd.set("auto", "1");
    pendingEdits.current = edits.current;
    // ?auto=1 lets the server answer a refused autosave without reading its body.
    const query = new URLSearchParams(location.search);
    query.set("auto", "1");
    fetcher.submit(fd, { method: "post", action: `${location.pathname}?${query}` });
  }, [fetcher, navigation.state, readOnly, location]);

  /** The form's onChange: counts the edit and (re)starts the autosave timer. */
  const onEdit = () => {
    edits.current++;
    setDirty(true);
    clearTimeout(timer.current);
    if (!stale) timer.current = setTimeout(autosave, AUTOSAVE_MS);
  };
  /** The form's onSubmit: an explicit save replaces a pending autosave. */
  const onSubmit = () => {
    clearTimeout(timer.current);
    pendingEdits.current = edits.current;
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    formRef,
    initial,
    base,
    result,
    resultSeq,
    stale,
    // Nothing can be lost on a read-only sheet (e.g. right after submitting).
    unsaved: dirty && !readOnly,
    saving: fetcher.state !== "idle",
    busy: fetcher.state !== "idle" || navigation.state === "submitting",
    onEdit,
    onSubmit,
  };
}
