// Package entity finds the actors of an article: the people, organisations and places it names,
// each with its roles and titles and every mention, and resolves the names of one actor into one
// identity within an article (Find) and across articles (Resolve).
//
// Names come from the ner package's tagger. Roles are read from the words around a person's name:
// a title before it ("Kremlin spokesman Dmitry Peskov", "the EU's top diplomat Kaja Kallas") or an
// apposition after it ("Tatiana Stanovaya, a senior fellow at ..."); the role words are the data
// file roles.txt. Within an article a lone surname ("Trump") joins the full name it belongs to,
// the nearest one before it when two people share the surname. Across articles, names are
// compared by a key that folds accents and the usual variants of transliterated Slavic names
// (Zelensky, Zelenskyy, Zelenskiy), and a lone surname joins a full name only when exactly one
// person in the collection has that surname.
//
// Institutions and capitals that speak for a government ("the Kremlin said", "Kyiv rejected") keep
// their surface form and get the actor they stand for from the metonym table metonyms.txt, so
// that a briefing can group by actor; the same names used as places ("in Moscow") stay places.
package entity
