"""The coverage table's rows, built in Python for speed, say what the template loop said."""

from laeringsmal.templatetags.dekning import dekningsrader


def test_a_row_per_objective_a_tick_per_arena_and_uncovered_rows_marked():
    html = dekningsrader([("ALM-001", (True, False)), ("FKM-002", (False, False))])
    rader = html.split("\n")
    assert rader[0] == (
        '<tr><th scope="row" class="text-start fw-normal">ALM-001</th>'
        '<td>✓<span class="visually-hidden"> dekket</span></td><td></td></tr>'
    )
    assert rader[1].startswith('<tr class="table-warning">') and rader[1].count("<td></td>") == 2


def test_codes_are_escaped():
    assert "&lt;script&gt;" in dekningsrader([("<script>", (True,))])
