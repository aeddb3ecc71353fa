"""What the hospital keeps on record: every edition handed out (archive) and every print (print log)."""
