"""Reading, formatting and coverage of learning-objective (LM) texts.

Applicants describe, per learning arena, which learning objectives can be
reached there as free text: ``"Alle"``, ``"Alle bortsett fra ALM-055 og
ALM-085"``, ``"ALM 1-6, 8; FKM 1-3"`` and so on.  This package turns such text
into a set of canonical codes (``ALM-055``, ``FKM-003``) with a list of
problems written in Norwegian for the user, formats code sets back into a
compact text, and computes which relevant objectives the arenas cover.

Pure Python, standard library only; the messages are translated with Django's
gettext when Django is set up (the application), and stay in bokmål otherwise.

Reading is done in three small steps, a module each (the rest: `koder`, `katalog`, `resultat`, `forslag`
for near misses, `formatering`, `dekning`):

1. :mod:`tokeniser` splits the text into tokens with one compiled regular
   expression (``alle``, ``unntatt``, a code such as ``ALM 055`` or ``LM 4``,
   a bare number, a dash, a separator, ``delvis``, a noise word, an unknown
   word ...).  Every token keeps its position, so every error can quote the
   user's own text.
2. :mod:`seksjoner` finds what depends on the catalogue: the sections of the
   specialty named by number or by a word of their name ("21.4",
   "kommunikasjonsmålene", "praksisdrift og leiing") become one token each,
   and words in brackets with nothing readable among them are a comment.
3. :mod:`leser` walks the tokens and builds *clauses*: an ``alle`` clause,
   a section or an explicit code/range, each possibly followed by exceptions
   (``unntatt``/``bortsett fra``/``utenom``).  The result is the union of all
   clauses that could be read, each being its base set minus its exceptions.

Semantics in short:

* bare ``alle`` means every objective of the application's own specialty in
  the catalogue; the common objectives count only where named (``alle FKM``,
  ``FKM 1-5``, ``felles kompetansemål``); before 2026-03-01 they are the old
  del 2–3 list, written ``LM-04`` … ``LM-75``, and "FKM" means that list;
* never confidently wrong: an ``alle`` whose scope, or an exception list
  whose items, cannot be read gives no codes at all, only an error (with a
  suggestion for a near miss: "FKN 3" → "FKM 3", "2O" → "20", "Ale" →
  "Alle"); a number beyond a list says how far the list goes;
* "ALM 55 (delvis)", "Deler av ALM 55": covered in part, counted, reported in
  ``Tolkning.delvis``; sections read and comments kept are said back in
  ``Tolkning.merknader``;
* a group prefix carries over to following bare numbers (``ALM 055, 085``);
* an exception list after ``alle``/a range/a section takes every following
  code of the same group; it ends at a new ``alle`` or at a code of another
  group that is preceded by a strong separator (``;``, a full stop or a new
  line) or by ``, og``/``samt``.  A code of another group after only
  ``,``/``og`` is ambiguous and reported.
"""

from .dekning import Dekning, dekning
from .formatering import etter_seksjon, formater, kort_tittel, med_tittel, seksjonsnavn
from .katalog import Katalog
from .koder import FELLES, GRUPPENAVN, GRUPPER, SPESIALITETER, kanonisk_kode, sorter
from .leser import tolk
from .resultat import Feil, Tolkning

__all__ = [
    "GRUPPER",
    "SPESIALITETER",
    "GRUPPENAVN",
    "Katalog",
    "Feil",
    "Tolkning",
    "Dekning",
    "tolk",
    "formater",
    "sorter",
    "dekning",
    "kanonisk_kode",
    "FELLES",
    "etter_seksjon",
    "kort_tittel",
    "med_tittel",
    "seksjonsnavn",
]
