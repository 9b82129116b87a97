import { LoadHistory } from "./load-history";
import { StatementHistory } from "./statement-history";
import { StatementTextStore } from "./statement-texts";

/** What Performance Insights keeps of one DB instance, keyed by its DbiResourceId. */
export class InstanceInsights {
  readonly load = new LoadHistory();
  readonly statements = new StatementHistory();
  readonly texts = new StatementTextStore();

  constructor(
    readonly dbiResourceId: string,
    /** The instance's identifier, for its CloudWatch DBLoad metrics. */
    public instanceId: string,
  ) {}

  /** Texts follow the sampled seconds and statement intervals that refer to them. */
  pruneTexts(): void {
    this.texts.prune(this.load.liveTuples(), this.statements.digestsKept());
  }
}
