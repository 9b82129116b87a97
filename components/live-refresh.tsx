"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

type Props = {
  intervalMs: number;
  /** When the server rendered the data on screen; a new value means a refresh landed. */
  renderedAt: string;
};

/**
 * Re-renders the page on the server every `intervalMs` while the tab is
 * visible, and says how old the data on screen is.
 */
export function LiveRefresh({ intervalMs, renderedAt }: Props) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  const refreshingRef = useRef(false);
  useEffect(() => {
    refreshingRef.current = refreshing;
  }, [refreshing]);
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  const [now, setNow] = useState(receivedAt);

  // The age counts from when this browser got the data, so clock skew between server and browser does not show.
  // biome-ignore lint/correctness/useExhaustiveDependencies: renderedAt changing is the event, not a value read.
  useEffect(() => {
    const t = Date.now();
    setReceivedAt(t);
    setNow(t);
  }, [renderedAt]);

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== "visible" || refreshingRef.current) return;
      startTransition(() => router.refresh());
    };
    const timer = setInterval(refresh, intervalMs);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [intervalMs, router]);

  useEffect(() => {
    const clock = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(clock);
  }, []);

  const age = Math.max(0, Math.floor((now - receivedAt) / 1000));
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600">
      <p data-testid="updated-ago">Updated {age}s ago</p>
      <button
        className="inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
        onClick={() => startTransition(() => router.refresh())}
        type="button"
      >
        <RefreshCw aria-hidden="true" className={`size-4 ${refreshing ? "animate-spin" : ""}`} />
        Refresh now
      </button>
    </div>
  );
}
