"""Pixel work for OCR: preparing a scanned page (grey, scale, skew, rulings), cutting it into
the pieces Tesseract reads well, and bullet marks Tesseract does not report.

These look at images, not words: they help the OCR reader produce words and rulings, which the
layout stage (:mod:`avis.layout`) then lays out like any other page's.
"""
