"""Two ways of telling SQLite's query planner what the data is like (it keeps no
statistics of a ledger: nobody runs ANALYZE). Both leave the results unchanged and
render as plain SQL on other databases.

- `OuterFirst`: a join SQLite must nest in the written order (CROSS JOIN), the left
  table outside. Walking a small table by an index in order and finding each row's
  projects by another gives a million ids in order without sorting them.
- `unindexed(expr)`: the expression with a unary + (SQLite only), which SQLite
  never matches to an index. A filtered list sorted this way reads the rows its
  filter's index finds and sorts them, where the planner would otherwise walk the
  sort column's index through every row to skip the sort.
"""

from __future__ import annotations

from itertools import product

from sqlalchemy import ColumnElement
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.expression import Join
from sqlalchemy.sql.operators import custom_op

_PLUS = custom_op("+")


class OuterFirst(Join):
    """An inner join whose left side SQLite keeps as the outer loop."""

    inherit_cache = True


@compiles(OuterFirst, "sqlite")
def _outer_first_sqlite(
    join: OuterFirst,
    compiler,  # noqa: ANN001
    asfrom: bool = False,
    from_linter=None,  # noqa: ANN001
    **kw,
) -> str:
    # SQLAlchemy's own visit_join with CROSS before JOIN (SQLite accepts ON with it).
    if from_linter:
        from_linter.edges.update(product(join.left._from_objects, join.right._from_objects))
    left = join.left._compiler_dispatch(compiler, asfrom=True, from_linter=from_linter, **kw)
    right = join.right._compiler_dispatch(compiler, asfrom=True, from_linter=from_linter, **kw)
    on = join.onclause._compiler_dispatch(compiler, from_linter=from_linter, **kw)
    return f"{left} CROSS JOIN {right} ON {on}"


class _Unindexed(UnaryExpression):
    inherit_cache = True


@compiles(_Unindexed)
def _unindexed_default(element: _Unindexed, compiler, **kw) -> str:  # noqa: ANN001
    return compiler.process(element.element, **kw)


@compiles(_Unindexed, "sqlite")
def _unindexed_sqlite(element: _Unindexed, compiler, **kw) -> str:  # noqa: ANN001
    return f"(+{compiler.process(element.element, **kw)})"


def unindexed(expr: ColumnElement) -> ColumnElement:
    """The same value, which SQLite will not look up or order by through an index."""
    return _Unindexed(expr, operator=_PLUS, type_=expr.type)
