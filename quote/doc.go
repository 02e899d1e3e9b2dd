// Package quote finds who said what in an article: direct quotes (a full quoted sentence or
// more), partial quotes (a quoted fragment inside reported speech: Macron called Putin “a
// predator”) and indirect quotes (X said that …; according to X, …; X denied that …), each with
// its speaker, the verb or phrase of saying (the cue), and the sentence that proves it.
//
// A speaker is found where the article names one: before or after the quote, in the sentence
// before or after, by pronoun (“…,” she said: the person she stands for), by role or description
// (“the respected analyst wrote”, “a Downing Street spokesperson”), as an institution (“the
// Kremlin said”) or a document (“the Russian readout claimed”), or as two people at once
// (“Baerbock and Braže both insisted”). Each speaker carries the name as the article shows it
// in full (“Tatiana Stanovaya” for a later “Stanovaya”), the role or title the article gives, and
// the medium where given (“on social media”, “told the BBC”).
//
// Quote marks that frame a term (scare quotes: a so-called “peace plan”) or a title (the book
// “To Run the World”) are not quotes: a quoted fragment counts only when a verb of saying governs
// it or a quoted sentence stands on its own.
//
// The rules read the text layer of package text (sentences, tokens, paired quote marks). Names
// come from an entity recogniser when the caller gives one (Extractor.Entities) and otherwise
// from capitalised word sequences, titles and roles around them.
package quote
