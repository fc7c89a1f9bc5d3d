"""Render stage: every generated page, one module per page kind.

`build.render_site` runs it in two passes. `gather.gather` first works out what pages need from each other (each
page's notes and the "Cited by" lists they make, the entities narrative pages link, every entity's mentions, the
home page's sources); then each page is rendered from that, and no page writes into another's data. `urls` owns
every page address, relative link and anchor, and checks the links written into finished HTML."""
