-- The EPUB's generated SVG cover cannot go through LaTeX, and images play no part in a
-- spacing comparison: drop them.
function Image() return {} end
