// Package extract finds the main content and the metadata of an HTML page.
//
// HTML parses the page once with golang.org/x/net/html and flattens it into a pre-order list of
// elements and a list of text blocks (paragraph-level runs of text between block boundaries).
// Scoring then works on those two arrays:
//
//   - each block scores as prose (long, few links, sentence punctuation) or as boilerplate
//     (short labels, link lists); class and id words (article, story-body vs comment, share,
//     related, newsletter, ...) raise or lower the score of everything inside an element;
//   - the main container is the element whose subtree has the highest sum of block scores, so it
//     takes in every prose paragraph whose gain outweighs the boilerplate in between; when the
//     page carries a JSON-LD articleBody, blocks whose words it contains count as prose;
//   - inside the container, subtrees that are boilerplate (link lists, share bars, related
//     stories, captions, bylines) are pruned, and the remaining blocks are the page's paragraphs,
//     with h2–h6 kept as headings.
//
// Metadata comes from the usual sources in order of trust: Open Graph and article: meta tags,
// JSON-LD (NewsArticle and its kin, in @graph too), then <title>, <h1>, <time>, <html lang> and
// the canonical link. Boilerplate lines such as "Advertisement" are left to package clean.
package extract
