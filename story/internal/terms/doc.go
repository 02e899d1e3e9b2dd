// Package terms turns text into the content words that story clustering compares: lowercased,
// without function words or numbers, and with English plurals folded to the singular by Harman's
// S-stemmer, so that "talks" and "talk" or "parties" and "party" count as one term. The story
// package and its document-frequency generator share it, so that the embedded background table
// and the clusterer count the same terms.
package terms
