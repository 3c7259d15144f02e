"""pdfium functions bound with ctypes prototypes of our own, taking and returning plain addresses.

pypdfium2's typed pointers cost a Python object per call, and a page has thousands of characters;
these prototypes call the same library pypdfium2 loaded (dlopen hands back the same one).
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PdfiumApi:
    """pdfium functions with address-typed prototypes (see the module docstring)."""

    count_chars: Any
    get_text: Any
    get_unicode: Any
    is_generated: Any
    text_object: Any
    loose_box: Any
    obj_font_size: Any
    obj_matrix: Any
    obj_font: Any
    font_name: Any
    obj_type: Any
    page_count_objects: Any
    page_get_object: Any
    form_count_objects: Any
    form_get_object: Any
    path_count: Any
    path_segment: Any
    segment_point: Any
    segment_type: Any
    segment_close: Any
    draw_mode: Any
    font_descent: Any
    font_embedded: Any


@functools.cache
def api() -> PdfiumApi:
    """Bind the prototypes once per process (lazily: nothing is loaded until a PDF is read)."""
    import pypdfium2.raw as pdfium_c
    from pypdfium2_raw import bindings

    try:  # the library pypdfium2 loaded (dlopen hands back the same one either way)
        lib = next(iter(bindings._libs.values()))
    except (AttributeError, StopIteration):
        from pathlib import Path

        lib = ctypes.CDLL(str(next(Path(bindings.__file__).parent.glob("*pdfium.*"))))
    v, i = ctypes.c_void_p, ctypes.c_int
    pf, pi = ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_int)

    def bind(name: str, res: Any, *args: Any) -> Any:
        return ctypes.CFUNCTYPE(res, *args)((name, lib))

    return PdfiumApi(
        count_chars=bind("FPDFText_CountChars", i, v),
        get_text=bind("FPDFText_GetText", i, v, i, i, v),
        get_unicode=bind("FPDFText_GetUnicode", ctypes.c_uint, v, i),
        is_generated=bind("FPDFText_IsGenerated", i, v, i),
        text_object=bind("FPDFText_GetTextObject", v, v, i),
        loose_box=bind("FPDFText_GetLooseCharBox", i, v, i, v),
        obj_font_size=bind("FPDFTextObj_GetFontSize", i, v, pf),
        obj_matrix=bind("FPDFPageObj_GetMatrix", i, v, ctypes.POINTER(pdfium_c.FS_MATRIX)),
        obj_font=bind("FPDFTextObj_GetFont", v, v),
        font_name=bind(
            "FPDFFont_GetBaseFontName", ctypes.c_size_t, v, ctypes.c_char_p, ctypes.c_size_t
        ),
        obj_type=bind("FPDFPageObj_GetType", i, v),
        page_count_objects=bind("FPDFPage_CountObjects", i, v),
        page_get_object=bind("FPDFPage_GetObject", v, v, i),
        form_count_objects=bind("FPDFFormObj_CountObjects", i, v),
        form_get_object=bind("FPDFFormObj_GetObject", v, v, ctypes.c_ulong),
        path_count=bind("FPDFPath_CountSegments", i, v),
        path_segment=bind("FPDFPath_GetPathSegment", v, v, i),
        segment_point=bind("FPDFPathSegment_GetPoint", i, v, pf, pf),
        segment_type=bind("FPDFPathSegment_GetType", i, v),
        segment_close=bind("FPDFPathSegment_GetClose", i, v),
        draw_mode=bind("FPDFPath_GetDrawMode", i, v, pi, pi),
        font_descent=bind("FPDFFont_GetDescent", i, v, ctypes.c_float, pf),
        font_embedded=bind("FPDFFont_GetIsEmbedded", i, v),
    )
