-- Retention (lib/store/prune-audit.ts): the append-only trigger lets a DELETE through only for entries older
-- than the cut-off the deleting transaction names in rdsdeck.audit_prune_before, and only a cut-off at least
-- 30 days back. The app's role holds no DELETE privilege at all, so this opens a prune to the table's owner
-- alone, as a deliberate act per transaction; UPDATE and TRUNCATE stay refused to everyone.
CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prune_before timestamptz;
BEGIN
  IF TG_OP = 'DELETE' THEN
    prune_before := nullif(current_setting('rdsdeck.audit_prune_before', true), '')::timestamptz;
    IF prune_before IS NOT NULL THEN
      IF prune_before > now() - interval '30 days' THEN
        RAISE EXCEPTION 'audit_entries retention: a prune cut-off must be at least 30 days back'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF OLD.at < prune_before THEN
        RETURN OLD;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
