import { useActionData, useFetcher, useLocation, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { noteName, scoreName, type ActionResult } from "~/lib/assess-form";
import { stepText } from "~/lib/number-step";

const AUTOSAVE_MS = 1500;

/** The form's text fields (scores, notes) as typed. */
function typed(form: HTMLFormElement | null): Record<string, string> {
  if (!form) return {};
  return Object.fromEntries([...new FormData(form)].filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * The scoresheet's save state: drafts save as you go (debounced, in the background through a
 * fetcher posting to `?auto=1`), stopped while a stale refusal waits for the user's choice:
 * replace the saved scores with mine (a save based on the version just seen) or use the saved
 * ones (loaded into the form). Tracks the version the page's input is based on, the last answer
 * (saved or refused), the saved values of a stale refusal beside the typed ones, and whether
 * there is input not saved yet.
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
  // The user's input while a stale refusal waits, shown beside the saved values.
  const [mine, setMine] = useState<Record<string, string>>(initial?.kind === "refused" ? initial.values : {});
  // The saved scores were just loaded into the form ("use the saved ones").
  const [loadedSaved, setLoadedSaved] = useState(false);
  const staleRef = useRef(stale);
  staleRef.current = stale;
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
    setLoadedSaved(false);
    if (r.kind === "saved") {
      setBase(r.version);
      setStale(null);
      if (edits.current === pendingEdits.current) setDirty(false);
    } else if (r.reason === "stale" && r.current) {
      // Autosave stops until the user chooses: a pending one would only be refused again.
      clearTimeout(timer.current);
      staleRef.current = r.current;
      setStale(r.current);
      setMine(typed(formRef.current));
    }
  }, []);
  useEffect(() => handle(actionData), [actionData, handle]);
  useEffect(() => {
    if (fetcher.state === "idle") handle(fetcher.data);
  }, [fetcher.state, fetcher.data, handle]);

  const autosave = useCallback(() => {
    const form = formRef.current;
    if (!form || readOnly || staleRef.current) return;
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
    setLoadedSaved(false);
    clearTimeout(timer.current);
    if (stale) setMine(typed(formRef.current));
    else timer.current = setTimeout(autosave, AUTOSAVE_MS);
  };
  /**
   * "Use the saved ones": the saved scores replace the input in the form, and the page is based
   * on their version from now on (autosave resumes with the next edit).
   */
  const takeSaved = (criterionIds: number[]) => {
    const form = formRef.current;
    if (!form || !stale) return;
    const saved = new Map(stale.scores.map((s) => [s.criterionId, s]));
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
    for (const id of criterionIds) {
      const s = saved.get(id);
      const score = field(scoreName({ id }));
      const note = field(noteName({ id }));
      if (score) score.value = s?.value == null ? "" : stepText(s.value);
      if (note) note.value = s?.note ?? "";
    }
    setBase(stale.version);
    staleRef.current = null;
    setStale(null);
    setResult(undefined);
    setDirty(false);
    setLoadedSaved(true);
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
    mine,
    loadedSaved,
    takeSaved,
    // Nothing can be lost on a read-only sheet (e.g. right after submitting).
    unsaved: dirty && !readOnly,
    saving: fetcher.state !== "idle",
    busy: fetcher.state !== "idle" || navigation.state === "submitting",
    onEdit,
    onSubmit,
  };
}
