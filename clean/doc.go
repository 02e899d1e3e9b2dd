// Package clean turns the paragraphs of an article, from plain text, Markdown or an HTML
// extractor, into clean article text: boilerplate out (kept verbatim), headings kept as structure,
// a headline glued to its subheading split, and the text NFC-normalised without touching quote
// marks or apostrophes.
//
// TextBlocks and MarkdownBlocks cut a document into Blocks (an HTML extractor makes its own);
// Clean turns Blocks into a Result; Lang guesses the language of the result.
//
// Clean works per block with cheap checks, and only short blocks are read closely: labels and
// buttons ("Share this article", "Advertisement", "Previous"), link lines ("Read more: …"),
// credits and footers (copyright, cookies, newsletters) are recognised by their own text; the
// headline after "Previous"/"Next" or under "Related" by its shape and place; a reader appeal by
// a head ("A Message from …:", "Dear readers,") followed by paragraphs dense with appeal phrases.
// A body paragraph that merely mentions support or journalism is never removed. The rules are
// general: nothing in them names an outlet.
//
// Article furniture pasted with the text is read, not kept: bylines ("By Jane Roe, Reuters",
// "Jane Roe | Staff writer"), date lines ("Tue 2 May 2031 10.30 BST", "Updated 14:05 GMT, 3 May
// 2031") and a masthead beside them go to Result.Byline and Result.Published and out of Text
// (into Removed). Only the blocks above the first body paragraph and a labelled date line at the
// end are read, and a masthead is taken only where its place proves it one (between the
// headline and the byline), since an outlet's name cannot be known in general.
package clean
