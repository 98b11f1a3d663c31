"""The one way in for writes: validate, stamp, audit, save (DESIGN.md rule 1).

Every function takes a Session inside a transaction (Database.write()) and leaves
committing to the caller, so an import can write many records all or nothing.
"""
