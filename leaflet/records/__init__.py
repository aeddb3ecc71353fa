"""What the hospital keeps on record: every edition handed out (archive) and every print (print log).

Nothing about patients, of any kind.
"""

from leaflet.records.printlog import (
    PRINT_LOG_NAME,
    MonthRow,
    Print,
    PrintLog,
    PrintLogError,
    parse_day,
    print_log_path,
)

__all__ = ["PRINT_LOG_NAME", "MonthRow", "Print", "PrintLog", "PrintLogError", "parse_day", "print_log_path"]
