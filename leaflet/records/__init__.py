"""What the desk keeps about its own work: the print log (no patient data of any kind)."""

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
