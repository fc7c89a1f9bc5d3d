"""Explainer: turns raw news articles into verified, cross-linked Markdown pages (no MkDocs import here)."""
