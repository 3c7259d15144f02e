"""Boxes read on a turned page go back onto the image as stored, exactly (checked on pixels)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from avis.layout import Page
from avis.layout.frames import to_stored_frame


@settings(max_examples=40, deadline=None)
@given(
    turned=st.sampled_from([0, 90, 180, 270]),
    w=st.integers(20, 80),
    h=st.integers(20, 80),
    data=st.data(),
)
def test_a_box_on_the_upright_page_is_the_same_pixels_on_the_stored_one(
    turned: int, w: int, h: int, data: st.DataObject
) -> None:
    x0 = data.draw(st.integers(0, w - 2))
    x1 = data.draw(st.integers(x0 + 1, w))
    top = data.draw(st.integers(0, h - 2))
    bottom = data.draw(st.integers(top + 1, h))
    upright = Image.new("L", (w, h), 255)
    ImageDraw.Draw(upright).rectangle((x0, top, x1 - 1, bottom - 1), fill=0)
    # the stored image is the one that rotate(turned) made upright
    stored = upright.rotate(-turned, expand=True)
    ys, xs = np.nonzero(np.asarray(stored) < 128)
    seen = (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)
    page = Page(number=1, width=float(w), height=float(h), turned=turned)
    assert to_stored_frame((x0, top, x1, bottom), page) == tuple(float(v) for v in seen)
