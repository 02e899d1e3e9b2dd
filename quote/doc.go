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
// Indirect speech, having no quote marks, is where attribution is least certain, so it is kept
// only where the article names the speaker in the attributing clause itself ("Lavrov stated
// that …", "according to Stanovaya, …"), or with the plain verbs say and tell when the speaker
// is a pronoun, a participle's subject or shared with another verb ("He said …"). Two speakers
// at once without quote marks ("Trump and Putin announced that …") report a joint act rather
// than anyone's words, and count only with say and tell too.
//
// Spans follow the quote: a direct quote is the quoted text, a quote over several paragraphs one
// span across them; a partial quote is the reported clause with its quoted words, or each quoted
// phrase when a clause holds several; an indirect quote is the reported clause.
//
// The rules read the text layer of package text (sentences, tokens, paired quote marks). Names
// come from an entity recogniser when the caller gives one (Extractor.Entities) and otherwise
// from capitalised word sequences, titles and roles around them.
package quote
