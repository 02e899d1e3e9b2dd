package clean

// Block is one paragraph-level unit of an article before cleaning, in reading order.
type Block struct {
	Text string
	// Heading marks a section label or subheading (an HTML h2–h6, a Markdown "## ..." line);
	// the cleaner also finds headings in plain text by their shape.
	Heading bool
}
