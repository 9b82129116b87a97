"use client";

import { useEffect, useRef, useState } from "react";
import { type LogPortion, linesOf, matchingLines } from "@/lib/fleet/log-lines";
import { LogLines } from "./log-lines";

type Props = {
  /** `/instances/<id>/logs/follow`: what the file gained after a marker, as JSON. */
  followUrl: string;
  fileName: string;
  /** The tail the server rendered, and the Marker that follows the file from there. */
  initialText: string;
  initialMarker: string;
  search: string | undefined;
  intervalMs: number;
  /** Only the newest file still grows: following an older one would show nothing. */
  followable: boolean;
};

// A tab left following a busy instance must not grow without bound.
const KEEP_LINES = 5_000;

/**
 * The tail of a log file, with "Follow": while ticked and the tab visible, it
 * asks every `intervalMs` for what the file gained since its Marker and
 * appends it, moving on to the next file when postgres starts a new one at
 * the hour. Lines not matching the search stay hidden.
 */
export function LogViewer({ followUrl, fileName, initialText, initialMarker, search, intervalMs, followable }: Props) {
  const [lines, setLines] = useState(() => linesOf(initialText));
  const [following, setFollowing] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const marker = useRef(initialMarker);
  // Following moves on to the next hour's file when postgres rotates: the file the marker belongs to.
  const [followedFile, setFollowedFile] = useState(fileName);
  const file = useRef(fileName);
  const busy = useRef(false);

  useEffect(() => {
    if (!following) return;
    const poll = async () => {
      if (document.visibilityState !== "visible" || busy.current) return;
      busy.current = true;
      try {
        const url = `${followUrl}?${new URLSearchParams({ file: file.current, marker: marker.current })}`;
        const response = await fetch(url, { cache: "no-store" });
        const body = (await response.json()) as Partial<LogPortion> & { file?: string; error?: string };
        if (
          !response.ok ||
          typeof body.text !== "string" ||
          typeof body.marker !== "string" ||
          typeof body.file !== "string"
        ) {
          setProblem(body.error ?? `the server answered ${response.status}`);
          return;
        }
        setProblem(undefined);
        marker.current = body.marker;
        if (body.file !== file.current) {
          file.current = body.file;
          setFollowedFile(body.file);
        }
        const added = linesOf(body.text);
        if (added.length > 0) setLines((shown) => [...shown, ...added].slice(-KEEP_LINES));
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
      } finally {
        busy.current = false;
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), intervalMs);
    return () => clearInterval(timer);
  }, [following, followUrl, intervalMs]);

  const shown = matchingLines(lines, search);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-4 text-sm text-slate-700">
        <label className="inline-flex items-center gap-2">
          <input
            checked={following}
            data-testid="log-follow"
            disabled={!followable}
            onChange={(e) => setFollowing(e.target.checked)}
            type="checkbox"
          />
          Follow live (every {Math.round(intervalMs / 1000)} s)
        </label>
        {followable ? null : <span>An older file: nothing is written to it any more.</span>}
        {followedFile === fileName ? null : (
          <span data-testid="log-followed-file">
            The hour rolled over: now following <span className="font-mono">{followedFile}</span>.
          </span>
        )}
        <span aria-live="polite" data-testid="log-line-count">
          {search ? `${shown.length} of ${lines.length} lines match "${search}"` : `${lines.length} lines`}
        </span>
      </div>
      {problem ? (
        <p className="text-sm text-red-900" data-testid="log-follow-problem" role="alert">
          Following stopped working: {problem}
        </p>
      ) : null}
      <LogLines lines={shown} />
    </div>
  );
}
