// Package extract finds the main content and the metadata of an HTML page.
//
// HTML parses the page once with golang.org/x/net/html and flattens it into a pre-order list of
// elements and a list of text blocks (paragraph-level runs of text between block boundaries;
// a table row is one block). Scripts, styles, forms controls, navigation, asides, footers and
// hidden elements are left out on the way. Selection then works on those two arrays:
//
//   - each block scores as prose (long, few links, sentence punctuation) or as boilerplate
//     (short labels, link lists); class and id words (article, story-body vs comment, share,
//     related, newsletter, byline, caption, ...) mark elements as article body or boilerplate,
//     and repeated link-headed siblings are teaser cards;
//   - the container is the element whose subtree has the highest sum of block scores, so it
//     takes in every prose paragraph whose gain outweighs the unmarked boilerplate in between.
//     A first pass counts only comments and cookie notices as boilerplate; the second lets every
//     boilerplate word count except on elements holding most of the first container's prose,
//     where such words name the page layout ("rail", "has-sidebar", WordPress "tag-…" classes);
//   - an element the page names as its article body (itemprop=articleBody, "article-body",
//     "entry-content", regrouped when split into chunks) replaces the container when it holds
//     a fair share of its prose;
//   - inside the container, marked boilerplate, the title <h1>, <header>, figures and link-dense
//     subtrees are pruned; the remaining blocks are the page's paragraphs, h2–h6 as headings.
//
// When the page shows far less text than its JSON-LD articleBody (a script-rendered page), the
// articleBody is used instead. Metadata comes from Open Graph and article: meta tags, JSON-LD
// (NewsArticle and its kin, in @graph too), <title>, <h1>, <time>, <html lang> and the canonical
// link. Boilerplate lines inside the text ("Advertisement", "Share this") are left to package clean.
package extract
