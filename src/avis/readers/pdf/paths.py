"""Rules from a page's path objects, as pdfminer reads them: a subpath that is one straight
segment is a line, a closed axis-aligned quadrilateral a rectangle; curves and polygons draw no
rule. Points go through each object's matrix and those of the forms holding it, into page space.
"""

from __future__ import annotations

import ctypes
from typing import Any

from avis.layout import Rulings
from avis.readers.pdf.pdfium_api import PdfiumApi
from avis.readers.pdf.rules import Box, rulings_from

_MAX_PATH_SEGMENTS = 20_000
"""A page drawing more path segments than this is a chart or a drawing, not a form: its rules
are not read (the layout stage would give up on that many rules anyway)."""
_EPS = 1e-3

Matrix = tuple[float, float, float, float, float, float]


def mul(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


_PATH, _FORM = 2, 5  # FPDF_PAGEOBJ_PATH, FPDF_PAGEOBJ_FORM
_LINETO, _BEZIERTO, _MOVETO = 0, 1, 2  # FPDF_SEGMENT_*
_MAX_FORM_DEPTH = 8


def page_rulings(
    api: PdfiumApi, ppage: Any, to_page: Matrix, width: float, height: float
) -> Rulings:
    """Lines and rectangles drawn by the page's path objects (forms included), as rules."""
    import pypdfium2.raw as pdfium_c

    lines: list[Box] = []
    rects: list[Box] = []
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    budget = [_MAX_PATH_SEGMENTS]

    def own(obj: int, parent: Matrix) -> Matrix:
        if not api.obj_matrix(obj, matrix):
            return parent
        return mul((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), parent)

    def path(obj: int, parent: Matrix) -> None:
        if not api.draw_mode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
            return
        if not fill.value and not stroke.value:
            return  # neither filled nor stroked: not drawn
        count = api.path_count(obj)
        budget[0] -= max(count, 0)
        if count <= 0 or budget[0] < 0:
            return
        a, b, c, d, e, f = own(obj, parent)
        sub: list[tuple[str, float, float]] = []
        for k in range(count):
            seg = api.path_segment(obj, k)
            if not seg or not api.segment_point(seg, ctypes.byref(x), ctypes.byref(y)):
                return
            px, py = x.value, y.value
            point = (a * px + c * py + e, b * px + d * py + f)
            kind = api.segment_type(seg)
            if kind == _MOVETO:
                _classify(sub, lines, rects)
                sub = [("m", *point)]
            else:
                sub.append(("l" if kind == _LINETO else "c", *point))
            if api.segment_close(seg) and sub:
                sub.append(("h", sub[0][1], sub[0][2]))
        _classify(sub, lines, rects)

    def walk(count: int, get: Any, parent: Matrix, depth: int) -> None:
        for k in range(count):
            if budget[0] < 0:
                return
            obj = get(k)
            if not obj:
                continue
            kind = api.obj_type(obj)
            if kind == _PATH:
                path(obj, parent)
            elif kind == _FORM and depth < _MAX_FORM_DEPTH:
                inner = own(obj, parent)
                walk(api.form_count_objects(obj), lambda j, o=obj: api.form_get_object(o, j),
                     inner, depth + 1)  # fmt: skip

    page = ctypes.cast(ppage.raw, ctypes.c_void_p).value
    walk(api.page_count_objects(page), lambda j: api.page_get_object(page, j), to_page, 0)
    if budget[0] < 0:
        return Rulings()
    return rulings_from(lines, rects, width, height)


def _same(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) <= _EPS and abs(p[1] - q[1]) <= _EPS


def _classify(sub: list[tuple[str, float, float]], lines: list[Box], rects: list[Box]) -> None:
    """pdfminer's reading of one subpath: a straight segment is a line, a closed axis-aligned
    quadrilateral a rectangle; anything else (curves, polygons) draws no rule."""
    if not sub or sub[0][0] != "m":
        return
    shape = "".join(op for op, _, _ in sub)
    pts = [(px, py) for _, px, py in sub]
    if len(shape) > 3 and shape.endswith("lh") and _same(pts[-2], pts[0]):
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("ml", "mlh"):
        (x0, y0), (x1, y1) = pts[0], pts[1]
        lines.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = _same(pts[0], pts[4])
        square = (
            abs(x0 - x1) <= _EPS
            and abs(y1 - y2) <= _EPS
            and abs(x2 - x3) <= _EPS
            and abs(y3 - y0) <= _EPS
        ) or (
            abs(y0 - y1) <= _EPS
            and abs(x1 - x2) <= _EPS
            and abs(y2 - y3) <= _EPS
            and abs(x3 - x0) <= _EPS
        )
        if closed and square:
            rects.append((min(x0, x2), min(y0, y2), max(x0, x2), max(y0, y2)))
