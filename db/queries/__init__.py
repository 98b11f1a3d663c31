"""The read side: Core selects for tables, details and reports (no ORM objects in bulk)."""
