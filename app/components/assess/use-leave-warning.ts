import { useBlocker } from "@remix-run/react";
import { useEffect } from "react";

/**
 * Warns before leaving with unsaved changes: the browser's own prompt on unload, and a blocker for
 * in-app navigation (shown as a dialog by the caller). Posting the form or switching files (same
 * path) is not leaving.
 */
export function useLeaveWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  return useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
}
