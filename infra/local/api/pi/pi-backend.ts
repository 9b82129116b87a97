import type { InstanceInsights } from "../../insights/instance-insights";

/**
 * What the local Performance Insights API serves from: each instance's
 * sampled load and statement statistics, by DbiResourceId, and the clock.
 */
export interface PerformanceInsightsBackend {
  insightsOf(dbiResourceId: string): InstanceInsights | undefined;
  readonly now: () => number;
}
